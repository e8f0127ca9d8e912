using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using Bot.WeChat.Crypto;

namespace Bot.Tests.WeChat;

// Checks our crypto against openssl and sha1sum, so a shared misunderstanding between our encoder and our
// decoder cannot hide: the buffer is padded here by hand, the cipher is someone else's.
public sealed class OpenSslCrossCheck
{
    [Fact]
    public async Task Our_ciphertext_equals_openssl_on_a_hand_padded_buffer()
    {
        var key = Convert.FromBase64String(Vectors.EncodingAesKey + "=");
        var random16 = Vectors.Ascii("0123456789abcdef");
        const string message = "<xml><Content><![CDATA[王书记：水渠堵了，已派人]]></Content></xml>";
        var body = Encoding.UTF8.GetBytes(message);

        var buffer = new List<byte>(random16);
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)body.Length);
        buffer.AddRange(length);
        buffer.AddRange(body);
        buffer.AddRange(Vectors.Ascii(Vectors.AppId));
        var pad = 32 - buffer.Count % 32;
        buffer.AddRange(Enumerable.Repeat((byte)pad, pad));

        var openssl = await RunAsync("openssl",
            $"enc -aes-256-cbc -nopad -K {Convert.ToHexString(key)} -iv {Convert.ToHexString(key[..16])}", buffer.ToArray());

        var ours = new WeChatCrypto(Vectors.EncodingAesKey, Vectors.AppId).Encrypt(message, random16);
        Assert.Equal(Convert.ToBase64String(openssl), ours);
    }

    [Fact]
    public async Task Our_message_signature_equals_sha1sum_of_the_ordinally_sorted_parts()
    {
        var encrypt = new WeChatCrypto(Vectors.EncodingAesKey, Vectors.AppId).Encrypt("签名交叉检查");
        string[] parts = [Vectors.Token, "1700000123", "5550001", encrypt];
        var sorted = parts.Order(StringComparer.Ordinal);

        var sha1sum = Encoding.ASCII.GetString(await RunAsync("sha1sum", "", Encoding.UTF8.GetBytes(string.Concat(sorted))));

        Assert.Equal(sha1sum[..40], WeChatSignature.ForMessage(Vectors.Token, "1700000123", "5550001", encrypt));
    }

    static async Task<byte[]> RunAsync(string program, string arguments, byte[] input)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.BaseStream.WriteAsync(input);
        process.StandardInput.Close();
        using var output = new MemoryStream();
        await process.StandardOutput.BaseStream.CopyToAsync(output);
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
        return output.ToArray();
    }
}
