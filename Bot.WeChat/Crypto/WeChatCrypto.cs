using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Bot.WeChat.Crypto;

// The AES scheme of §1.6: AES-256-CBC, IV = key[0..16), PKCS#7 padding to 32-byte blocks, plaintext = random16
// | BE32 length | message (UTF-8) | AppId.
public sealed class WeChatCrypto
{
    const int PadBlock = 32;
    const int RandomLength = 16;
    const int HeaderLength = RandomLength + 4;

    readonly byte[] key;
    readonly byte[] iv;
    readonly byte[] appId;

    public WeChatCrypto(string encodingAesKey, string appId)
    {
        if (encodingAesKey.Length != 43)
            throw new ArgumentException("An EncodingAESKey has exactly 43 characters.", nameof(encodingAesKey));
        // 43 characters + "=" is 32 bytes; .NET tolerates the non-zero trailing bits real keys have.
        key = Convert.FromBase64String(encodingAesKey + "=");
        iv = key[..16];
        AppId = appId;
        this.appId = Encoding.ASCII.GetBytes(appId);
    }

    public string AppId { get; }

    public string Encrypt(string message) => Encrypt(message, RandomNumberGenerator.GetBytes(RandomLength));

    // Encrypts with the given 16 "random" bytes; fixed bytes make the output reproducible for tests.
    public string Encrypt(string message, ReadOnlySpan<byte> random16)
    {
        if (random16.Length != RandomLength)
            throw new ArgumentException("Exactly 16 random bytes are needed.", nameof(random16));
        var body = Encoding.UTF8.GetBytes(message);
        var length = HeaderLength + body.Length + appId.Length;
        var pad = PadBlock - length % PadBlock; // 1..32; a full block of 32 when already aligned
        var plain = new byte[length + pad];
        random16.CopyTo(plain);
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(RandomLength), body.Length);
        body.CopyTo(plain, HeaderLength);
        appId.CopyTo(plain, HeaderLength + body.Length);
        plain.AsSpan(length).Fill((byte)pad);
        using var aes = Aes.Create();
        aes.Key = key;
        // PaddingMode.PKCS7 would pad to 16 bytes, which the platform rejects (§1.6).
        return Convert.ToBase64String(aes.EncryptCbc(plain, iv, PaddingMode.None));
    }

    public string Decrypt(string encrypt)
    {
        byte[] cipher;
        try
        {
            cipher = Convert.FromBase64String(encrypt);
        }
        catch (FormatException)
        {
            throw new WeChatCryptoException(WeChatCryptoFailure.BadBase64, "Encrypt is not base64.");
        }
        if (cipher.Length == 0 || cipher.Length % PadBlock != 0)
            throw new WeChatCryptoException(WeChatCryptoFailure.BadLength,
                $"Ciphertext of {cipher.Length} bytes is not a positive multiple of 32.");

        using var aes = Aes.Create();
        aes.Key = key;
        var plain = aes.DecryptCbc(cipher, iv, PaddingMode.None);

        int pad = plain[^1];
        if (pad is < 1 or > PadBlock)
            throw new WeChatCryptoException(WeChatCryptoFailure.BadPadding, $"Pad byte {pad} is outside 1..32.");
        var unpadded = plain.AsSpan(0, plain.Length - pad);
        if (unpadded.Length <= HeaderLength)
            throw new WeChatCryptoException(WeChatCryptoFailure.BadLength, "Too short for the 20-byte header.");
        var messageLength = BinaryPrimitives.ReadInt32BigEndian(unpadded[RandomLength..]);
        if (messageLength < 0 || HeaderLength + messageLength > unpadded.Length)
            throw new WeChatCryptoException(WeChatCryptoFailure.BadLength,
                $"Declared length {messageLength} exceeds the {unpadded.Length - HeaderLength} bytes present.");
        var tail = unpadded[(HeaderLength + messageLength)..];
        if (!tail.SequenceEqual(appId))
            throw new WeChatCryptoException(WeChatCryptoFailure.AppIdMismatch,
                $"Payload is for '{Encoding.ASCII.GetString(tail)}', not '{AppId}'.");
        return Encoding.UTF8.GetString(unpadded.Slice(HeaderLength, messageLength));
    }
}
