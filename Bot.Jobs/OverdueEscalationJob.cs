using Bot.Domain.Demands;
using Quartz;

namespace Bot.Jobs;

// The limit passed unresolved: the demand goes up one level with that level's window, and the
// villager, the old and the new handler are told (DemandWork). At the district office it stays,
// and its handler is alerted again every DistrictAlertEvery.
public sealed class OverdueEscalationJob(DemandStore demands, DemandWork work, JobsOptions options, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("overdue-escalation", "demands");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default)
    {
        var (id, version, _) = DemandTrigger.Read(context);
        context.Result = await RunAsync(id, version, ct);
    }

    public async Task<JobRunReport> RunAsync(long demandId, int version, CancellationToken ct)
    {
        if (await demands.AtVersionAsync(demandId, version, ct) is not { IsWorkable: true, HandlerId: { } handler, DeadlineAt: { } deadline } demand)
            return DemandTrigger.Stale;
        if (demand.Level < EscalationLevel.District)
            return await DemandTrigger.EscalateAsync(work, demand, "超过办理时限未办结，自动上报", ct);
        // The alert's number in its series keys it: a repeated firing within the same period sends once.
        var overdue = clock.GetUtcNow() - deadline;
        var alert = 1 + (int)Math.Max(0, Math.Floor((overdue - options.EscalationGrace) / options.DistrictAlertEvery));
        await work.RemindAsync(demand, handler, $"overdue-alert-{alert}", "overdue-alert", "task-reminder", new Dictionary<string, object?>
        {
            ["days"] = Math.Max(1, (int)Math.Ceiling(overdue.TotalDays)),
        }, ct);
        return JobRunReport.Succeeded($"district alert {alert} to person {handler}");
    }
}
