namespace Bot.WeChat.Inbound;

/// <summary>A callback body that is not WeChat message XML (malformed, DTD, or a missing header field).</summary>
public sealed class InboundParseException(string message, Exception? inner = null) : Exception(message, inner);
