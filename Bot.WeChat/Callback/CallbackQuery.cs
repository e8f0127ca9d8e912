namespace Bot.WeChat.Callback;

/// <summary>The query parameters of a callback POST (§1.3); all may be missing on a forged request.</summary>
public sealed record CallbackQuery(
    string? Signature, string? Timestamp, string? Nonce, string? EncryptType = null, string? MsgSignature = null);
