using Bot.WeChat.Crypto;

namespace Bot.Tests.WeChat;

public sealed class SignatureVectors
{
    [Theory]
    [InlineData("1714036504", "1514711492", "f464b24fc39322e44b38aa78f5edd27bd1441696")]
    [InlineData("1714037059", "486452656", "899cf89e464efb63f54ddac96b0a0a235f53aa78")]
    public void The_url_signature_matches_the_platforms_documented_vectors(string timestamp, string nonce, string expected) =>
        Assert.Equal(expected, WeChatSignature.ForUrl("AAAAA", timestamp, nonce));

    [Fact]
    public void The_message_signatures_match_vectors_A_and_B()
    {
        Assert.Equal("f3105dd1ab9582001cacf5f8b4db46897d73e9da",
            WeChatSignature.ForMessage(Vectors.Token, "1700000000", "1234567890", Vectors.AEncrypt));
        Assert.Equal("3cc22e67b32a961cd28e8c5e2fb734d8f04daf55", WeChatSignature.ForUrl(Vectors.Token, "1700000000", "1234567890"));
        Assert.Equal("2999da824ffef2742299a0298dc5b204462c8e92",
            WeChatSignature.ForMessage(Vectors.Token, "1700000000", "1234567890", Vectors.BEncrypt));
    }

    [Fact]
    public void Parts_are_sorted_ordinally_not_by_culture()
    {
        // Ordinal order is A1, aB, a_b, ab; a culture-aware sort gives a_b, A1, ab, aB (§1.5).
        var expected = System.Security.Cryptography.SHA1.HashData("A1aBa_bab"u8.ToArray());
        Assert.Equal(Convert.ToHexStringLower(expected), WeChatSignature.Compute("ab", "a_b", "A1", "aB"));
    }

    [Fact]
    public void Verification_accepts_uppercase_hex_and_refuses_anything_else()
    {
        var expected = WeChatSignature.ForUrl("AAAAA", "1714036504", "1514711492");
        Assert.True(WeChatSignature.Matches(expected, expected.ToUpperInvariant()));
        Assert.False(WeChatSignature.Matches(expected, expected[..^1] + "0"));
        Assert.False(WeChatSignature.Matches(expected, null));
        Assert.False(WeChatSignature.Matches(expected, ""));
    }
}
