using Bot.Domain.Storage;
using Dapper;

namespace Bot.Domain.Outbox;

// The dispatcher's side of the outbox table: claim due rows with a lease, then record how each went.
public sealed class OutboxQueue(Db db)
{
    // A row is due when it is Pending and its time has come, or Sending with a lease that ran out
    // (its instance crashed or stopped). It waits while an earlier row for the same recipient is
    // still Pending or Sending, so one recipient's messages go out in order, one at a time.
    const string DueSql = """
        SELECT o.id, o.attempts, o.idempotency_key, o.kind, CAST(o.payload AS CHAR) AS payload_json,
               o.recipient_id, COALESCE(o.recipient_openid, w.oa_openid) AS open_id, w.mp_openid AS mini_program_open_id
        FROM outbox o
        LEFT JOIN wechat_identity w ON w.person_id = o.recipient_id AND o.recipient_openid IS NULL
        WHERE o.status IN ('Pending', 'Sending') AND o.next_attempt_at <= @Now
          AND NOT EXISTS (
            SELECT 1 FROM outbox e
            WHERE e.id < o.id AND e.status IN ('Pending', 'Sending')
              AND e.recipient_openid <=> o.recipient_openid AND e.recipient_id <=> o.recipient_id)
        ORDER BY o.id
        LIMIT @BatchSize
        """;

    const string ClaimSql = """
        UPDATE outbox SET status = 'Sending', attempts = attempts + 1, next_attempt_at = @LeaseUntil
        WHERE id IN @Ids
        """;

    // Claims are made one instance at a time under a named lock (held for milliseconds, never while
    // sending). FOR UPDATE SKIP LOCKED alone would let the ordering check above skip an earlier row
    // another instance is claiming at that moment, and send a later message first.
    public async Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(int batchSize, DateTimeOffset now, DateTimeOffset leaseUntil,
        CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var locked = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "SELECT GET_LOCK(CONCAT('bot.outbox.', DATABASE()), 5)", cancellationToken: ct));
        if (locked != 1)
            return [];
        try
        {
            var due = (await connection.QueryAsync<Row>(new CommandDefinition(DueSql,
                new { Now = now.UtcDateTime, BatchSize = batchSize }, cancellationToken: ct)))
                .Select(r => new ClaimedMessage(r.Id, r.Attempts + 1, r.IdempotencyKey, r.Kind, r.PayloadJson, r.RecipientId, r.OpenId,
                    r.MiniProgramOpenId))
                .ToList();
            if (due.Count > 0)
                await connection.ExecuteAsync(new CommandDefinition(ClaimSql,
                    new { Ids = due.Select(m => m.Id), LeaseUntil = leaseUntil.UtcDateTime }, cancellationToken: ct));
            return due;
        }
        finally
        {
            await connection.ExecuteAsync("SELECT RELEASE_LOCK(CONCAT('bot.outbox.', DATABASE()))");
        }
    }

    public Task<bool> MarkSentAsync(ClaimedMessage m, string channel, DateTimeOffset now, CancellationToken ct) =>
        FinishAsync("status = 'Sent', channel = @Channel, sent_at = @Now, last_error = NULL",
            new { m.Id, m.Attempt, Channel = channel, Now = now.UtcDateTime }, ct);

    public Task<bool> RescheduleAsync(ClaimedMessage m, DateTimeOffset nextAttemptAt, string error, CancellationToken ct) =>
        FinishAsync("status = 'Pending', next_attempt_at = @Next, last_error = @Error",
            new { m.Id, m.Attempt, Next = nextAttemptAt.UtcDateTime, Error = Clip(error) }, ct);

    // Failed or Undeliverable: kept, with the reason, for an operator (GET /api/admin/outbox).
    public Task<bool> GiveUpAsync(ClaimedMessage m, OutboxStatus status, string? channel, string error, CancellationToken ct) =>
        FinishAsync("status = @Status, channel = @Channel, last_error = @Error",
            new { m.Id, m.Attempt, Status = status.ToString(), Channel = channel, Error = Clip(error) }, ct);

    // What is not (yet) sent, newest first; Sent rows only when asked for by status.
    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(OutboxStatus? status, int limit, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<OutboxEntry>(new CommandDefinition($"""
            SELECT id, idempotency_key, kind, recipient_id, recipient_openid, status, attempts, next_attempt_at, last_error,
                   channel, created_at, sent_at
            FROM outbox
            WHERE {(status is null ? "status <> 'Sent'" : "status = @Status")}
            ORDER BY id DESC
            LIMIT @Limit
            """, new { Status = status?.ToString(), Limit = limit }, cancellationToken: ct))).ToList();
    }

    // The attempt fence: after a lease ran out and another instance claimed the row, this changes nothing.
    async Task<bool> FinishAsync(string set, object args, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE outbox SET {set} WHERE id = @Id AND status = 'Sending' AND attempts = @Attempt", args, cancellationToken: ct)) == 1;
    }

    // What could not reach people in the villages a secretary or officer oversees (no window and no
    // template, no consent left, unfollowed), so someone can go and tell them in person.
    public async Task<IReadOnlyList<UndeliverableMessage>> UndeliverableAsync(long me, Demands.ActorRole role, int take, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<UndeliverableMessage>(new CommandDefinition($"""
            SELECT o.id, o.kind, p.name AS recipient, o.last_error AS reason, o.created_at
            FROM outbox o JOIN person p ON p.id = o.recipient_id
            WHERE o.status = 'Undeliverable'
              AND p.id IN (SELECT id FROM person WHERE {Demands.DemandScope.Overseen(role)})
            ORDER BY o.id DESC LIMIT @take
            """, new { me, take }, cancellationToken: ct));
        return rows.ToList();
    }

    sealed record Row(long Id, int Attempts, string IdempotencyKey, string Kind, string PayloadJson, long? RecipientId, string? OpenId,
        string? MiniProgramOpenId);

    static string Clip(string error) => error.Length <= 500 ? error : error[..500];
}
