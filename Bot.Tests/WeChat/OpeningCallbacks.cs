using Bot.WeChat.Callback;
using Bot.WeChat.Crypto;
using Bot.WeChat.Inbound;

namespace Bot.Tests.WeChat;

public sealed class OpeningCallbacks
{
    const string Timestamp = "1700000000";
    const string Nonce = "1234567890";
    const string Signature = "3cc22e67b32a961cd28e8c5e2fb734d8f04daf55";
    const string MsgSignature = "2999da824ffef2742299a0298dc5b204462c8e92";

    readonly CallbackEnvelope envelope = new(Vectors.Token, new WeChatCrypto(Vectors.EncodingAesKey, Vectors.AppId));
    static readonly string SafeBody = $"<xml><ToUserName><![CDATA[{Vectors.OriginalId}]]></ToUserName><Encrypt><![CDATA[{Vectors.BEncrypt}]]></Encrypt></xml>";

    [Fact]
    public void A_safe_mode_body_is_verified_decrypted_parsed_and_marked_for_an_encrypted_reply()
    {
        var opened = envelope.Open(new CallbackQuery(Signature, Timestamp, Nonce, "aes", MsgSignature), SafeBody);

        Assert.Equal("村口路灯坏了", Assert.IsType<TextMessage>(opened.Message).Content);
        Assert.Equal(Vectors.BXml, opened.Xml);
        Assert.True(opened.ReplyMustBeEncrypted);
        var sealedReply = envelope.Seal(PassiveReply.Text(opened.Message, "收到", DateTimeOffset.UtcNow), opened);
        Assert.Contains("<Encrypt>", sealedReply);
    }

    [Fact]
    public void A_compatible_mode_body_is_read_from_its_encrypted_copy()
    {
        var body = Vectors.BXml.Replace("</xml>", $"<Encrypt><![CDATA[{Vectors.BEncrypt}]]></Encrypt></xml>")
            .Replace("村口路灯坏了", "tampered plaintext");

        var opened = envelope.Open(new CallbackQuery(Signature, Timestamp, Nonce, "aes", MsgSignature), body);

        Assert.Equal("村口路灯坏了", Assert.IsType<TextMessage>(opened.Message).Content);
        Assert.True(opened.ReplyMustBeEncrypted);
    }

    [Fact]
    public void A_plaintext_body_needs_only_the_signature_and_gets_a_plaintext_reply()
    {
        var opened = envelope.Open(new CallbackQuery(Signature, Timestamp, Nonce), Vectors.BXml);

        Assert.False(opened.ReplyMustBeEncrypted);
        Assert.Equal("<xml/>", envelope.Seal("<xml/>", opened));
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000", MsgSignature)]
    [InlineData(null, MsgSignature)]
    [InlineData(Signature, "0000000000000000000000000000000000000000")]
    [InlineData(Signature, null)]
    public void A_wrong_or_missing_signature_is_refused(string? signature, string? msgSignature)
    {
        var e = Assert.Throws<WeChatCryptoException>(() =>
            envelope.Open(new CallbackQuery(signature, Timestamp, Nonce, "aes", msgSignature), SafeBody));
        Assert.Equal(WeChatCryptoFailure.BadSignature, e.Failure);
    }

    [Fact]
    public void The_url_check_accepts_only_the_right_signature()
    {
        Assert.True(envelope.IsGenuineUrlCheck(Signature, Timestamp, Nonce));
        Assert.False(envelope.IsGenuineUrlCheck(Signature, Timestamp, "1"));
        Assert.False(envelope.IsGenuineUrlCheck(null, null, null));
    }
}
