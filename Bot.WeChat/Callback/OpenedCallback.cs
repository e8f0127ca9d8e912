using Bot.WeChat.Inbound;

namespace Bot.WeChat.Callback;

/// <summary>A verified, decrypted and parsed callback.</summary>
/// <param name="Xml">The message XML (decrypted when the body was encrypted).</param>
/// <param name="ReplyMustBeEncrypted">The body was encrypted, so a reply other than "success" must be too (§1.4).</param>
public sealed record OpenedCallback(
    InboundMessage Message, string Xml, bool ReplyMustBeEncrypted, string Timestamp, string Nonce);
