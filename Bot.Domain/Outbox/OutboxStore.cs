using Bot.Domain.Storage;
using Dapper;

namespace Bot.Domain.Outbox;

public sealed class OutboxStore(Db db, TimeProvider clock)
{
    // Same statement as inside a demand change; used where no demand changes (a late chat reply, a report).
    public async Task EnqueueAsync(OutboxMessage message, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO outbox (idempotency_key, recipient_id, recipient_openid, kind, payload, status, next_attempt_at, created_at)
            VALUES (@IdempotencyKey, @RecipientId, @RecipientOpenId, @Kind, @PayloadJson, 'Pending', @NotBefore, @Now)
            ON DUPLICATE KEY UPDATE idempotency_key = idempotency_key
            """, new { message.IdempotencyKey, message.RecipientId, message.RecipientOpenId, message.Kind, message.PayloadJson,
                Now = clock.GetUtcNow().UtcDateTime, NotBefore = (message.NotBefore ?? clock.GetUtcNow()).UtcDateTime }, cancellationToken: ct));
    }
}
