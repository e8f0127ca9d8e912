namespace Bot.WeChat.Callback;

// The query parameters of a callback POST (§1.3); all may be missing on a forged request.
public sealed record CallbackQuery(
    string? Signature, string? Timestamp, string? Nonce, string? EncryptType = null, string? MsgSignature = null);
