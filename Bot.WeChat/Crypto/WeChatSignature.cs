using System.Security.Cryptography;
using System.Text;

namespace Bot.WeChat.Crypto;

// The SHA-1 signatures of §1.2/§1.5: signature over Token, timestamp and nonce, and msg_signature, which adds
// the Encrypt text.
public static class WeChatSignature
{
    public static string Compute(params string[] parts)
    {
        var sorted = (string[])parts.Clone();
        // Culture-aware sorting orders base64's mixed case differently and breaks msg_signature at random (§13.1).
        Array.Sort(sorted, StringComparer.Ordinal);
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(sorted)));
        return Convert.ToHexStringLower(hash);
    }

    public static string ForUrl(string token, string timestamp, string nonce) => Compute(token, timestamp, nonce);

    public static string ForMessage(string token, string timestamp, string nonce, string encrypt) =>
        Compute(token, timestamp, nonce, encrypt);

    public static bool Matches(string expected, string? received)
    {
        if (received is null)
            return false;
        // Constant time, so a forger cannot learn the signature byte by byte from response times.
        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(received.ToLowerInvariant()));
    }
}
