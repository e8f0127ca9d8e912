namespace Bot.WeChat.Inbound;

// A callback body that is not WeChat message XML (malformed, DTD, or a missing header field).
public sealed class InboundParseException(string message, Exception? inner = null) : Exception(message, inner);
