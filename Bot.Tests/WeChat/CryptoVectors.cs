using System.Security.Cryptography;
using System.Text;
using Bot.WeChat.Crypto;

namespace Bot.Tests.WeChat;

public sealed class CryptoVectors
{
    readonly WeChatCrypto crypto = new(Vectors.EncodingAesKey, Vectors.AppId);

    [Fact]
    public void Vector_A_decrypts_and_reencrypts_byte_for_byte()
    {
        Assert.Equal("hello", crypto.Decrypt(Vectors.AEncrypt));
        Assert.Equal(Vectors.AEncrypt, crypto.Encrypt("hello", Vectors.Ascii("ABCDEFGHIJKLMNOP")));
    }

    [Fact]
    public void Vector_B_an_inbound_chinese_text_decrypts_and_reencrypts_byte_for_byte()
    {
        Assert.Equal(Vectors.BXml, crypto.Decrypt(Vectors.BEncrypt));
        Assert.Equal(276, Encoding.UTF8.GetByteCount(Vectors.BXml));
        Assert.Equal(Vectors.BEncrypt, crypto.Encrypt(Vectors.BXml, Vectors.Ascii("ABCDEFGHIJKLMNOP")));
    }

    [Fact]
    public void Vector_C_a_reply_with_a_31_byte_pad_round_trips()
    {
        Assert.Equal(Vectors.CXml, crypto.Decrypt(Vectors.CEncrypt));
        Assert.Equal(Vectors.CEncrypt, crypto.Encrypt(Vectors.CXml, Vectors.Ascii("QRSTUVWXYZ012345")));
        Assert.Equal("5f51ecdda829e989cfc8f7876d16108ad587decf",
            WeChatSignature.ForMessage(Vectors.Token, "1700000001", "987654321", Vectors.CEncrypt));
    }

    [Fact]
    public void Vector_D_the_platforms_own_sample_decrypts_and_reencrypts_byte_for_byte()
    {
        var platform = new WeChatCrypto(Vectors.DEncodingAesKey, Vectors.DAppId);
        Assert.Equal("477715d11cdb4164915debcba66cb864d751f3e6",
            WeChatSignature.ForMessage(Vectors.DToken, "1409659813", "1372623149", Vectors.DEncrypt));

        var xml = platform.Decrypt(Vectors.DEncrypt);

        Assert.Contains("<Content><![CDATA[hello]]></Content>", xml);
        Assert.Contains("mycreate", xml);
        Assert.Contains("4561255354251345929", xml);
        Assert.Equal(Vectors.DEncrypt, platform.Encrypt(xml, RandomPrefixOf(Vectors.DEncodingAesKey, Vectors.DEncrypt)));
    }

    [Fact]
    public void A_payload_for_another_app_is_refused()
    {
        var other = new WeChatCrypto(Vectors.EncodingAesKey, "wxffffffffffffffff");
        var e = Assert.Throws<WeChatCryptoException>(() => other.Decrypt(Vectors.BEncrypt));
        Assert.Equal(WeChatCryptoFailure.AppIdMismatch, e.Failure);
    }

    [Theory]
    [InlineData("not base64!", WeChatCryptoFailure.BadBase64)]
    [InlineData("", WeChatCryptoFailure.BadLength)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA==", WeChatCryptoFailure.BadLength)] // 16 bytes: not a multiple of 32
    public void Broken_ciphertexts_fail_with_a_reason(string encrypt, WeChatCryptoFailure failure) =>
        Assert.Equal(failure, Assert.Throws<WeChatCryptoException>(() => crypto.Decrypt(encrypt)).Failure);

    [Fact]
    public void A_pad_byte_outside_1_to_32_is_refused()
    {
        var key = Convert.FromBase64String(Vectors.EncodingAesKey + "=");
        using var aes = Aes.Create();
        aes.Key = key;
        var plain = new byte[64];
        plain[^1] = 33;
        var encrypt = Convert.ToBase64String(aes.EncryptCbc(plain, key[..16], PaddingMode.None));

        Assert.Equal(WeChatCryptoFailure.BadPadding, Assert.Throws<WeChatCryptoException>(() => crypto.Decrypt(encrypt)).Failure);
    }

    [Fact]
    public void A_declared_length_beyond_the_payload_is_refused()
    {
        var key = Convert.FromBase64String(Vectors.EncodingAesKey + "=");
        using var aes = Aes.Create();
        aes.Key = key;
        var plain = new byte[64];
        plain[19] = 200; // declares 200 message bytes in a 64-byte buffer
        plain[^1] = 1;
        var encrypt = Convert.ToBase64String(aes.EncryptCbc(plain, key[..16], PaddingMode.None));

        Assert.Equal(WeChatCryptoFailure.BadLength, Assert.Throws<WeChatCryptoException>(() => crypto.Decrypt(encrypt)).Failure);
    }

    [Fact]
    public void Padding_always_reaches_a_multiple_of_32_even_when_aligned()
    {
        // 16 + 4 + 22 + 18 (AppId) = 60 → pad 4; 16 + 4 + 26 + 18 = 64 → a full extra block of 32.
        Assert.Equal(64, Convert.FromBase64String(crypto.Encrypt(new string('x', 22))).Length);
        Assert.Equal(96, Convert.FromBase64String(crypto.Encrypt(new string('x', 26))).Length);
        Assert.Equal(new string('x', 26), crypto.Decrypt(crypto.Encrypt(new string('x', 26))));
    }

    static byte[] RandomPrefixOf(string encodingAesKey, string encrypt)
    {
        var key = Convert.FromBase64String(encodingAesKey + "=");
        using var aes = Aes.Create();
        aes.Key = key;
        return aes.DecryptCbc(Convert.FromBase64String(encrypt), key[..16], PaddingMode.None)[..16];
    }
}
