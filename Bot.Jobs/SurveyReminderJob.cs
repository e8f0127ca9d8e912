using Bot.Domain.Demands;
using Bot.Domain.Messages;
using Quartz;

namespace Bot.Jobs;

// No rating SurveyReminderAfter the card went out: the villager is asked once more.
public sealed class SurveyReminderJob(DemandStore demands, DemandWork work, JobsOptions options) : IJob
{
    public static readonly JobKey Key = new("survey-reminder", "demands");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default)
    {
        var (id, version, _) = DemandTrigger.Read(context);
        context.Result = await RunAsync(id, version, ct);
    }

    public async Task<JobRunReport> RunAsync(long demandId, int version, CancellationToken ct)
    {
        if (await demands.AtVersionAsync(demandId, version, ct) is not { Status: DemandStatus.Resolved } demand)
            return DemandTrigger.Stale;
        await work.RemindAsync(demand, demand.VillagerId, "survey-reminder", "survey-reminder", "demand-survey", new Dictionary<string, object?>
        {
            ["closeIn"] = Wording.Span(options.SurveyCloseAfter - options.SurveyReminderAfter),
        }, ct);
        return JobRunReport.Succeeded("survey reminder sent");
    }
}
