namespace Bot.WeChat.Crypto;

// A callback or reply that fails a signature or decryption check; never a bug on our side.
public sealed class WeChatCryptoException(WeChatCryptoFailure failure, string message)
    : Exception($"{failure}: {message}")
{
    public WeChatCryptoFailure Failure { get; } = failure;
}
