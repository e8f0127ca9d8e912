using System.ComponentModel.DataAnnotations;

namespace Bot.Outbox;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    // How long an idle dispatcher waits before looking again; a busy one loops at once.
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    [Range(1, 500)] public int BatchSize { get; set; } = 20;

    // A claimed row is this instance's until then; after a crash another instance takes it over.
    // Longer than the slowest send: ApiTimeout × (InCallRetries + 1) × 2 calls (token and message).
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    // Quick retries inside one attempt, for a blip (-1 busy, HTTP 5xx, a timeout).
    [Range(0, 5)] public int InCallRetries { get; set; } = 2;
    public TimeSpan InCallRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    // Then the row waits RetryDelay × 2^(attempt−1), jittered, at most MaxRetryDelay, until MaxAttempts.
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);
    [Range(1, 100)] public int MaxAttempts { get; set; } = 12;

    // 45009: the day's quota is gone; trying again sooner only spends nothing and logs noise.
    public TimeSpan DailyLimitDelay { get; set; } = TimeSpan.FromHours(1);
}
