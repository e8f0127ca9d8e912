using Bot.Domain.Storage;
using Bot.Jobs;
using Dapper;

// What one burst measured: per firing, how late it started (Quartz's execution history) and how late
// its job wrote the reminder (the outbox row's created_at), both after the moment all were due; and
// when the outbox had sent them.
sealed record BurstFigures(int Due, IReadOnlyList<double> FiringLags, IReadOnlyList<double> WriteLags, int FailedRuns,
    IReadOnlyDictionary<string, int> RunsPerNode, int Sent, double FirstWrittenToLastSent, double LastSentAfterDue);

// A burst: demands whose reminder at the time limit (deadline-3) is moved to one moment shortly ahead,
// to be fired by the running instances, each writing a `remind-due` push (outbox kind deadline-100).
static class Burst
{
    const string Fired = """
        SELECT TRIGGER_GROUP AS `group`, MIN(FIRED_TIME) AS fired, MIN(INSTANCE_NAME) AS node, CAST(SUM(NOT SUCCEEDED) AS SIGNED) AS failed
        FROM QRTZ_EXECUTION_HISTORY
        WHERE SCHED_NAME = 'bot' AND TRIGGER_NAME LIKE 'deadline-3-v%' AND FIRED_TIME >= @ticks
        GROUP BY TRIGGER_GROUP
        """;
    const string Written = "SELECT created_at, sent_at FROM outbox WHERE kind = 'deadline-100' AND created_at >= @at";
    const string Progress = """
        SELECT (SELECT COUNT(DISTINCT TRIGGER_GROUP) FROM QRTZ_EXECUTION_HISTORY
                WHERE SCHED_NAME = 'bot' AND TRIGGER_NAME LIKE 'deadline-3-v%' AND FIRED_TIME >= @ticks AND SUCCEEDED),
               (SELECT COUNT(*) FROM outbox WHERE kind = 'deadline-100' AND created_at >= @at AND status = 'Sent')
        """;

    // The triggers of demands skip .. skip + count, re-stored due at `at` (same keys, so they replace).
    public static async Task ArmAsync(IServiceProvider services, int skip, int count, DateTimeOffset at)
    {
        for (var done = 0; done < count; done += 1_000)
        {
            var page = await TriggerBatches.PageAsync(services, skip + done, Math.Min(1_000, count - done));
            await TriggerBatches.StoreAsync(services, page.Select(d =>
                DemandTrigger.Build(d, new PlannedTrigger(DeadlineReminderJob.Key, "deadline-3", 100, at))));
        }
    }

    // Polls until every firing succeeded and every message was sent, or the time is up (the figures then cover what happened).
    public static async Task<BurstFigures> WaitAndMeasureAsync(Db db, DateTimeOffset armedAt, DateTimeOffset dueAt, int count, TimeSpan timeout)
    {
        await using var connection = await db.OpenAsync();
        // Only what happened since arming: Quartz keeps times as UTC ticks, the outbox as UTC DATETIME(6).
        var since = new { ticks = armedAt.UtcTicks, at = armedAt.UtcDateTime };
        for (var until = DateTime.UtcNow + timeout; DateTime.UtcNow < until; await Task.Delay(500))
        {
            var (fired, sent) = await connection.QuerySingleAsync<(long, long)>(Progress, since);
            if (fired >= count && sent >= count)
                break;
        }
        var runs = (await connection.QueryAsync<(string Group, long Fired, string Node, long Failed)>(Fired, since)).ToList();
        var messages = (await connection.QueryAsync<(DateTime Created, DateTime? Sent)>(Written, since)).ToList();
        double After(DateTime utc) => (utc - dueAt.UtcDateTime).TotalSeconds;
        var sentAt = messages.Where(m => m.Sent is not null).Select(m => m.Sent!.Value).ToList();
        return new BurstFigures(count,
            runs.Select(r => (r.Fired - dueAt.UtcTicks) / (double)TimeSpan.TicksPerSecond).Order().ToList(),
            messages.Select(m => After(m.Created)).Order().ToList(),
            (int)runs.Sum(r => r.Failed),
            runs.GroupBy(r => r.Node).ToDictionary(g => g.Key, g => g.Count()),
            sentAt.Count,
            sentAt.Count == 0 ? double.NaN : (sentAt.Max() - messages.Min(m => m.Created)).TotalSeconds,
            sentAt.Count == 0 ? double.NaN : After(sentAt.Max()));
    }
}
