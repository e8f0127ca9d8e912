using Bot.Domain.Demands;
using Bot.Domain.Storage;
using Dapper;
using Quartz;

namespace Bot.Jobs;

// Scheduling happens after a change commits, in Quartz's own transaction; if that failed (a database
// blip, a crash in between) the demand would wait forever. This finds every demand that should have
// triggers for its current version and has none, and replans it. Also runs at start-up.
[DisallowConcurrentExecution]
public sealed class ScheduleSweepJob(Db db, DemandStore demands, DemandSchedule schedule) : IJob
{
    public static readonly JobKey Key = new("schedule-sweep", "maintenance");
    const int Batch = 500;

    // Every workable or resolved demand has at least one trigger (its escalation, its survey step).
    const string UnscheduledSql = """
        SELECT d.id FROM demand d
        WHERE d.status IN ('Assigned', 'Accepted', 'InProgress', 'Resolved')
          AND NOT EXISTS (SELECT 1 FROM QRTZ_TRIGGERS t
                          WHERE t.SCHED_NAME = @scheduler AND t.TRIGGER_GROUP = CONCAT('demand-', d.id)
                            AND t.TRIGGER_NAME LIKE CONCAT('%-v', d.version))
          AND d.id > @after
        ORDER BY d.id LIMIT @Batch
        """;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default) =>
        context.Result = await RunAsync(context.Scheduler.SchedulerName, ct);

    public async Task<JobRunReport> RunAsync(string scheduler, CancellationToken ct)
    {
        var total = 0;
        for (long after = 0; ; )
        {
            await using var connection = await db.OpenAsync(ct);
            var ids = (await connection.QueryAsync<long>(new CommandDefinition(UnscheduledSql, new { scheduler, Batch, after },
                cancellationToken: ct))).ToList();
            if (ids.Count == 0)
                break;
            await schedule.ReplanAsync(await demands.ListAsync("id IN @ids", new { ids }, ct), ct);
            total += ids.Count;
            after = ids[^1];
        }
        return total == 0 ? JobRunReport.Skipped("every demand is scheduled") : JobRunReport.Succeeded($"rescheduled {total} demand(s)");
    }
}
