namespace Bot.Domain.Outbox;

// A message a state change wants sent. The key makes a repeated change (a job firing twice,
// a retried request) enqueue once: derive it from (demand, kind, state version).
public sealed record OutboxMessage(string IdempotencyKey, long? RecipientId, string? RecipientOpenId, string Kind, string PayloadJson)
{
    // Held back until then (quiet hours); null sends at once.
    public DateTimeOffset? NotBefore { get; init; }
}
