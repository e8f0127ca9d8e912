using Bot.WeChat.Inbound;

namespace Bot.WeChat.Callback;

// A verified, decrypted and parsed callback.
// Xml: The message XML (decrypted when the body was encrypted).
// ReplyMustBeEncrypted: The body was encrypted, so a reply other than "success" must be too (§1.4).
public sealed record OpenedCallback(
    InboundMessage Message, string Xml, bool ReplyMustBeEncrypted, string Timestamp, string Nonce);
