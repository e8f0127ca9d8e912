using Bot.Domain.Storage;
using Dapper;
using MySql.Data.MySqlClient;

namespace Bot.WeChat;

public enum InboundState { Handling, Replied, Deferred, Done }

public sealed record InboundRecord(InboundState State, string? Reply);

// The durable dedup of §3.3: the first delivery of a key claims it; retries, on any instance,
// find the claim and get the same reply (or "success" once the answer went out by the outbox).
public sealed class InboundLedger(Db db, TimeProvider clock)
{
    const int DuplicateKey = 1062;

    public async Task<bool> TryClaimAsync(string key, string openId, string msgType, string body, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO inbound_message (dedup_key, openid, msg_type, body, state, received_at)
                VALUES (@key, @openId, @msgType, @body, 'Handling', @now)
                """, new { key, openId, msgType, body, now = clock.GetUtcNow().UtcDateTime }, cancellationToken: ct));
            return true;
        }
        catch (MySqlException e) when (e.Number == DuplicateKey)
        {
            return false;
        }
    }

    public async Task<InboundRecord?> FindAsync(string key, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT state, reply FROM inbound_message WHERE dedup_key = @key", new { key }, cancellationToken: ct));
        return row is null ? null : new InboundRecord(Enum.Parse<InboundState>(row.State), row.Reply);
    }

    public async Task MarkAsync(string key, InboundState state, string? reply, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE inbound_message SET state = @state, reply = COALESCE(@reply, reply), answered_at = @now WHERE dedup_key = @key
            """, new { key, state = state.ToString(), reply, now = clock.GetUtcNow().UtcDateTime }, cancellationToken: ct));
    }

    // Handling failed before any answer: let the platform's retry try again.
    public async Task ReleaseAsync(string key, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM inbound_message WHERE dedup_key = @key AND state = 'Handling'", new { key }, cancellationToken: ct));
    }

    sealed record Row(string State, string? Reply);
}
