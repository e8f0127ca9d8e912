using Bot.Domain.Outbox;

namespace Bot.Outbox;

// How one send attempt ended. Channel: "custom" or "template". RetryAfter is set for a retry.
public sealed record SendOutcome(OutboxStatus Status, string? Channel, string? Error, TimeSpan? RetryAfter = null)
{
    public static SendOutcome Sent(string channel) => new(OutboxStatus.Sent, channel, null);
    public static SendOutcome Undeliverable(string reason, string? channel = null) => new(OutboxStatus.Undeliverable, channel, reason);
    public static SendOutcome Failed(string error, string channel) => new(OutboxStatus.Failed, channel, error);
    public static SendOutcome Retry(string error, string channel, TimeSpan? after = null) =>
        new(OutboxStatus.Pending, channel, error, after);
}
