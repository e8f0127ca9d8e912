using Bot.Domain.Storage;
using Dapper;
using Quartz;
using Quartz.Extensibility;

namespace Bot.Jobs;

public sealed record ScheduledJob(string Group, string Trigger, string Job, string State, DateTimeOffset? NextFireAt,
    DateTimeOffset? PreviousFireAt, int RetryAttempt);

public sealed record JobRun(string Group, string Trigger, string Job, DateTimeOffset FiredAt, double Seconds, string Result,
    string? Summary, string? Error, int RetryAttempt, string Node);

public sealed record OutboxRow(long Id, string IdempotencyKey, string Kind, long? RecipientId, string Status, int Attempts,
    DateTime NextAttemptAt, string? LastError, DateTime CreatedAt);

public sealed record JobsReport(long? Demand, IReadOnlyList<ScheduledJob> Scheduled, IReadOnlyList<JobRun> Recent,
    IReadOnlyDictionary<string, long> OutboxCounts, IReadOnlyList<OutboxRow> Outbox, IReadOnlyList<ClusterNode> Nodes);

// What an operator sees (GET /api/admin/jobs): the triggers waiting, what ran lately (Quartz's execution
// history, shared by the cluster), and the outbox rows not yet sent. Read-only.
public sealed class JobsView(ISchedulerFactory schedulers, IExecutionHistoryStore history, Db db)
{
    const int Take = 100;

    public async Task<JobsReport> ReadAsync(long? demandId, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        // Without a demand: the first hundred triggers of the store (by group), soonest first.
        var triggers = await scheduler.QueryTriggers(demandId is { } id
            ? new TriggerQuery { Group = GroupMatcher<TriggerKey>.GroupEquals(DemandTrigger.Group(id)), Take = Take }
            : new TriggerQuery { Take = Take }, ct);
        var scheduled = triggers.Items
            .OrderBy(t => t.NextFireTimeUtc ?? DateTimeOffset.MaxValue)
            .Select(t => new ScheduledJob(t.Key.Group, t.Key.Name, t.JobKey.ToString(), t.State.ToString(), t.NextFireTimeUtc,
                t.PreviousFireTimeUtc, t.RetryAttempt))
            .ToList();
        var runs = await history.QueryExecutions(new ExecutionHistoryQuery
        {
            SchedulerName = scheduler.SchedulerName,
            // A Contains filter over "group.name": the dot keeps demand-4 from matching demand-42.
            TriggerContains = demandId is { } d ? $"{DemandTrigger.Group(d)}." : null,
            Take = Take,
        }, ct);
        var recent = runs.Items.Select(r => new JobRun(r.TriggerGroup, r.TriggerName, $"{r.JobGroup}.{r.JobName}", r.FiredAtUtc,
            r.Duration.TotalSeconds, r.EffectiveResult.ToString(), r.Summary, r.ExceptionMessage, r.RetryAttempt, r.SchedulerInstanceId)).ToList();
        var (counts, rows) = await OutboxAsync(demandId, ct);
        return new JobsReport(demandId, scheduled, recent, counts, rows, await scheduler.QueryClusterNodes(ct));
    }

    // Rows that have not gone out: waiting (quiet hours, retries), failed for good, or with no channel.
    async Task<(IReadOnlyDictionary<string, long>, IReadOnlyList<OutboxRow>)> OutboxAsync(long? demandId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var args = new { key = demandId is { } id ? $"demand:{id}:%" : "%", Take };
        var counts = await connection.QueryAsync<(string, long)>(new CommandDefinition(
            "SELECT status, COUNT(*) FROM outbox WHERE idempotency_key LIKE @key GROUP BY status", args, cancellationToken: ct));
        var rows = await connection.QueryAsync<OutboxRow>(new CommandDefinition("""
            SELECT id, idempotency_key, kind, recipient_id, status, attempts, next_attempt_at, last_error, created_at FROM outbox
            WHERE idempotency_key LIKE @key AND status IN ('Pending', 'Sending', 'Failed', 'Undeliverable')
            ORDER BY id DESC LIMIT @Take
            """, args, cancellationToken: ct));
        return (counts.ToDictionary(c => c.Item1, c => c.Item2), rows.ToList());
    }
}
