namespace Bot.WeChat.Crypto;

public enum WeChatCryptoFailure
{
    BadSignature,
    BadBase64,
    BadPadding,
    BadLength,
    AppIdMismatch,
}
