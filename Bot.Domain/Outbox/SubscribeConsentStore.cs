using Bot.Domain.Storage;
using Dapper;

namespace Bot.Domain.Outbox;

public sealed record SubscribeConsent(string TemplateId, int Credits, bool LongTerm);

// Mini-program subscribe-message consents (wechat-platform.md §7.2): every one-time "accept" the user
// taps is one message we may send with that template; a long-term consent is never used up.
public sealed class SubscribeConsentStore(Db db, TimeProvider clock)
{
    // Not INSERT IGNORE (its warning crashes MySql.Data 8.0.16 on MariaDB): a repeat adds to the row.
    const string RecordSql = """
        INSERT INTO subscribe_consent (person_id, template_id, credits, long_term, updated_at)
        VALUES (@personId, @TemplateId, @Credits, @LongTerm, @at)
        ON DUPLICATE KEY UPDATE credits = credits + VALUES(credits), long_term = long_term OR VALUES(long_term), updated_at = VALUES(updated_at)
        """;

    public async Task<IReadOnlyList<SubscribeConsent>> RecordAsync(long personId, IEnumerable<string> oneTime, IEnumerable<string> longTerm,
        CancellationToken ct = default)
    {
        var at = clock.GetUtcNow();
        var rows = oneTime.GroupBy(t => t).Select(g => new { personId, TemplateId = g.Key, Credits = g.Count(), LongTerm = false, at = at.UtcDateTime })
            .Concat(longTerm.Distinct().Select(t => new { personId, TemplateId = t, Credits = 0, LongTerm = true, at = at.UtcDateTime }))
            .ToList();
        await using var connection = await db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(RecordSql, rows, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return await ListAsync(personId, ct);
    }

    public async Task<IReadOnlyList<SubscribeConsent>> ListAsync(long personId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<SubscribeConsent>(new CommandDefinition("""
            SELECT template_id, credits, long_term FROM subscribe_consent WHERE person_id = @personId ORDER BY template_id
            """, new { personId }, cancellationToken: ct))).ToList();
    }

    // One send's worth of consent, taken atomically so two dispatchers cannot spend the last credit twice.
    // updated_at always changes, so a long-term row reports one affected row as well.
    public async Task<bool> TrySpendAsync(long personId, string templateId, CancellationToken ct = default)
    {
        var at = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE subscribe_consent SET credits = IF(long_term, credits, credits - 1), updated_at = @at
            WHERE person_id = @personId AND template_id = @templateId AND (long_term OR credits > 0)
            """, new { personId, templateId, at = at.UtcDateTime }, cancellationToken: ct)) == 1;
    }
}
