using Bot.Domain.Storage;
using Dapper;

namespace Bot.Domain.Outbox;

public sealed class OutboxStore(Db db, TimeProvider clock)
{
    // The unique key makes the same message enqueued twice a no-op. Not INSERT IGNORE: its warning
    // makes MySql.Data 8.0.16 read SHOW WARNINGS, whose MariaDB collation id it cannot map.
    // DemandWriter runs the same statement inside a demand's transaction.
    internal const string InsertSql = """
        INSERT INTO outbox (idempotency_key, recipient_id, recipient_openid, kind, payload, status, next_attempt_at, created_at)
        VALUES (@IdempotencyKey, @RecipientId, @RecipientOpenId, @Kind, @PayloadJson, 'Pending', @NotBefore, @Now)
        ON DUPLICATE KEY UPDATE idempotency_key = idempotency_key
        """;

    internal static object Args(OutboxMessage m, DateTimeOffset now) => new
    {
        m.IdempotencyKey, m.RecipientId, m.RecipientOpenId, m.Kind, m.PayloadJson, Now = now.UtcDateTime,
        NotBefore = (m.NotBefore ?? now).UtcDateTime,
    };

    // Where no demand changes: a late chat reply, a report.
    public async Task EnqueueAsync(OutboxMessage message, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, Args(message, clock.GetUtcNow()), cancellationToken: ct));
    }
}
