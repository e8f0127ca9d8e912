using Bot.Domain.Demands;
using Quartz;

namespace Bot.Jobs;

// On resolution the villager gets the rating card (quiet hours respected; the outbox picks the channel).
public sealed class SurveyDispatchJob(DemandStore demands, DemandWork work) : IJob
{
    public static readonly JobKey Key = new("survey-dispatch", "demands");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default)
    {
        var (id, version, _) = DemandTrigger.Read(context);
        context.Result = await RunAsync(id, version, ct);
    }

    public async Task<JobRunReport> RunAsync(long demandId, int version, CancellationToken ct)
    {
        if (await demands.AtVersionAsync(demandId, version, ct) is not { Status: DemandStatus.Resolved } demand)
            return DemandTrigger.Stale;
        return await DemandTrigger.MoveAsync(() => work.SendSurveyAsync(demand, ct), "survey sent");
    }
}
