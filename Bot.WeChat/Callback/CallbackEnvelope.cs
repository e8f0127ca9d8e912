using System.Xml;
using Bot.WeChat.Crypto;
using Bot.WeChat.Inbound;

namespace Bot.WeChat.Callback;

// Opens callback requests and seals passive replies for one Official Account (§1.2–§1.8).
public sealed class CallbackEnvelope(string token, WeChatCrypto crypto)
{
    // The GET check when the URL is saved in the console: answer the echostr only when this holds.
    public bool IsGenuineUrlCheck(string? signature, string? timestamp, string? nonce) =>
        timestamp is not null && nonce is not null
        && WeChatSignature.Matches(WeChatSignature.ForUrl(token, timestamp, nonce), signature);

    // Verifies the signature, and when the body carries <Encrypt> (safe or compatible mode) verifies
    // msg_signature and decrypts; then parses the message.
    // throws WeChatCryptoException: A signature does not match or the payload does not decrypt.
    // throws InboundParseException: The body or the decrypted message is not valid message XML.
    public OpenedCallback Open(CallbackQuery query, string body)
    {
        if (!IsGenuineUrlCheck(query.Signature, query.Timestamp, query.Nonce))
            throw new WeChatCryptoException(WeChatCryptoFailure.BadSignature, "signature does not match.");
        var (timestamp, nonce) = (query.Timestamp!, query.Nonce!);

        var encrypt = EncryptElement(body);
        if (encrypt is null)
            return new OpenedCallback(InboundParser.Parse(body), body, false, timestamp, nonce);

        if (!WeChatSignature.Matches(WeChatSignature.ForMessage(token, timestamp, nonce, encrypt), query.MsgSignature))
            throw new WeChatCryptoException(WeChatCryptoFailure.BadSignature, "msg_signature does not match.");
        // In compatible mode the body also holds the plaintext; the decrypted copy is the one that was signed.
        var xml = crypto.Decrypt(encrypt);
        return new OpenedCallback(InboundParser.Parse(xml), xml, true, timestamp, nonce);
    }

    // The HTTP body for a passive reply: the XML itself, or its encrypted envelope when the request was
    // encrypted. Do not seal "success" or an empty body; those go out as they are in every mode.
    public string Seal(string replyXml, OpenedCallback request) =>
        request.ReplyMustBeEncrypted ? Encrypted(replyXml, request.Timestamp, request.Nonce) : replyXml;

    // The §1.7 envelope; reusing the request's timestamp and nonce is accepted by the platform.
    public string Encrypted(string replyXml, string timestamp, string nonce) =>
        Envelope(crypto.Encrypt(replyXml), timestamp, nonce);

    internal string Encrypted(string replyXml, string timestamp, string nonce, byte[] random16) =>
        Envelope(crypto.Encrypt(replyXml, random16), timestamp, nonce);

    string Envelope(string encrypt, string timestamp, string nonce) => WeChatXml.Write(w =>
    {
        w.WriteCData("Encrypt", encrypt);
        w.WriteCData("MsgSignature", WeChatSignature.ForMessage(token, timestamp, nonce, encrypt));
        w.WriteElementString("TimeStamp", timestamp);
        w.WriteCData("Nonce", nonce);
    });

    static string? EncryptElement(string body)
    {
        // A cheap look first: plaintext bodies skip a second parse.
        if (!body.Contains("<Encrypt", StringComparison.Ordinal))
            return null;
        try
        {
            return WeChatXml.Load(body).ChildText("Encrypt") is { Length: > 0 } encrypt ? encrypt : null;
        }
        catch (XmlException e)
        {
            throw new InboundParseException($"Callback body is malformed or declares a DTD: {e.Message}", e);
        }
    }
}
