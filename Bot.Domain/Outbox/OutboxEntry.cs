namespace Bot.Domain.Outbox;

// One outbox row as an operator sees it (GET /api/admin/outbox).
public sealed record OutboxEntry(
    long Id, string IdempotencyKey, string Kind, long? RecipientId, string? RecipientOpenId, string Status, int Attempts,
    DateTime NextAttemptAt, string? LastError, string? Channel, DateTime CreatedAt, DateTime? SentAt);
