using Bot.Domain.Demands;
using Quartz;

namespace Bot.Jobs;

// The shape of every per-demand trigger: one trigger group per demand (so a state change drops them
// all in one call), the state version in the name and the data (so a firing can tell it is stale).
public static class DemandTrigger
{
    public static string Group(long demandId) => $"demand-{demandId}";

    public static ITrigger Build(Demand d, PlannedTrigger p) => TriggerBuilder.Create()
        .WithIdentity($"{p.Name}-v{d.Version}", Group(d.Id))
        .ForJob(p.Job)
        .UsingJobData("demandId", d.Id)
        .UsingJobData("version", d.Version)
        .UsingJobData("step", p.Step)
        .StartAt(p.At)
        // Misfire policy (docs/jobs.md): a one-shot that came due while every instance was down fires
        // once, now; the district's repeating alert skips what it missed and keeps its daily rhythm.
        .WithSimpleSchedule(s =>
        {
            if (p.RepeatEvery is { } every)
                s.WithInterval(every).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount);
            else
                s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow);
        })
        .Build();

    public static (long DemandId, int Version, int Step) Read(IJobExecutionContext context)
    {
        var data = context.MergedJobDataMap;
        return (data.GetLong("demandId"), data.GetInt("version"), data.GetInt("step"));
    }

    // Triggers outlive the state they were planned for: a late or repeated firing finds a newer
    // version (or none) and does nothing.
    public static async Task<Demand?> AtVersionAsync(this DemandStore demands, long id, int version, CancellationToken ct) =>
        await demands.FindAsync(id, ct) is { } d && d.Version == version ? d : null;

    public static readonly JobRunReport Stale = JobRunReport.Skipped("the demand has moved on since this was planned");

    // A move a job makes races people working the same demand: the version check turns a lost race
    // into "stale", not a failure to retry.
    public static async Task<JobRunReport> MoveAsync(Func<Task<Demand>> move, string done)
    {
        try
        {
            var moved = await move();
            return JobRunReport.Succeeded($"{done} (now v{moved.Version})");
        }
        catch (RuleViolation e) when (e.Kind == RuleViolationKind.StaleVersion)
        {
            return Stale;
        }
    }

    // Nobody on the roster above is a roster gap, not a failure: retrying would not fill it.
    public static async Task<JobRunReport> EscalateAsync(DemandWork work, Demand demand, string reason, CancellationToken ct)
    {
        try
        {
            return await MoveAsync(() => work.EscalateAsync(demand, Actor.System, reason, ct), "escalated");
        }
        catch (RuleViolation e)
        {
            return JobRunReport.Skipped(e.Message);
        }
    }
}
