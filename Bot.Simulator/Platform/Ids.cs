using System.Security.Cryptography;

namespace Bot.Simulator.Platform;

// Ids the platform hands out. Counters start from the wall clock, so a restarted simulator never repeats a
// MsgId the bot has already stored as a dedup key.
public sealed class Ids
{
    long msgId = 24_000_000_000_000_000 + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
    long templateMsgId = 3_500_000_000_000_000_000 + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;

    public long NextMsgId() => Interlocked.Increment(ref msgId);

    public long NextTemplateMsgId() => Interlocked.Increment(ref templateMsgId);

    public static string Random(string prefix, int bytes = 16) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));

    public static string Digits(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(i => RandomNumberGenerator.GetInt32(i == 0 ? 1 : 0, 10)));
}
