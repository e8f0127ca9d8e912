using Bot.Domain.Demands;
using Bot.Domain.Messages;
using Quartz;

namespace Bot.Jobs;

// At 50% and 80% of the time limit (JobsOptions), and at the limit, the current handler is reminded.
public sealed class DeadlineReminderJob(DemandStore demands, DemandWork work, JobsOptions options) : IJob
{
    public static readonly JobKey Key = new("deadline-reminder", "demands");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default)
    {
        var (id, version, percent) = DemandTrigger.Read(context);
        context.Result = await RunAsync(id, version, percent, ct);
    }

    public async Task<JobRunReport> RunAsync(long demandId, int version, int percent, CancellationToken ct)
    {
        if (await demands.AtVersionAsync(demandId, version, ct) is not { IsWorkable: true, HandlerId: { } handler } demand)
            return DemandTrigger.Stale;
        var due = percent >= 100;
        await work.RemindAsync(demand, handler, $"deadline-{percent}", due ? "remind-due" : "remind-deadline", "task-reminder", new Dictionary<string, object?>
        {
            ["percent"] = percent, ["grace"] = Wording.Span(options.EscalationGrace),
            ["nextLevel"] = demand.Level < EscalationLevel.District ? Levels.Chinese(demand.Level + 1) : null,
        }, ct);
        return JobRunReport.Succeeded($"reminded person {handler} at {percent}%");
    }
}
