using Bot.Domain.Demands;
using Bot.Domain.Messages;
using Quartz;

namespace Bot.Jobs;

// A task not accepted within its colour's window reminds the handler; a second window missed hands it
// up one level (at the district office, with no level above, it reminds again).
public sealed class AcceptReminderJob(DemandStore demands, DemandWork work, JobsOptions options) : IJob
{
    public static readonly JobKey Key = new("accept-reminder", "demands");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default)
    {
        var (id, version, miss) = DemandTrigger.Read(context);
        context.Result = await RunAsync(id, version, miss, ct);
    }

    public async Task<JobRunReport> RunAsync(long demandId, int version, int miss, CancellationToken ct)
    {
        if (await demands.AtVersionAsync(demandId, version, ct) is not { Status: DemandStatus.Assigned, HandlerId: { } handler } demand)
            return DemandTrigger.Stale;
        var canGoUp = demand.Level < EscalationLevel.District;
        if (miss >= 2 && canGoUp)
            return await DemandTrigger.EscalateAsync(work, demand, "超时未接单，自动上报", ct);
        var window = options.AcceptWindow.For(demand.Colour);
        await work.RemindAsync(demand, handler, $"accept-reminder-{miss}", "remind-accept", "task-reminder", new Dictionary<string, object?>
        {
            ["waited"] = Wording.Span(window * miss), ["window"] = Wording.Span(window),
            ["nextLevel"] = miss == 1 && canGoUp ? Levels.Chinese(demand.Level + 1) : null,
        }, ct);
        return JobRunReport.Succeeded($"reminded person {handler} (miss {miss})");
    }
}
