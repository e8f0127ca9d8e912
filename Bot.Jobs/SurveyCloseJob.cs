using Bot.Domain.Demands;
using Quartz;

namespace Bot.Jobs;

// No rating SurveyCloseAfter the card went out: the demand closes unrated (docs/domain.md).
public sealed class SurveyCloseJob(DemandStore demands, DemandWork work) : IJob
{
    public static readonly JobKey Key = new("survey-close", "demands");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default)
    {
        var (id, version, _) = DemandTrigger.Read(context);
        context.Result = await RunAsync(id, version, ct);
    }

    public async Task<JobRunReport> RunAsync(long demandId, int version, CancellationToken ct)
    {
        if (await demands.AtVersionAsync(demandId, version, ct) is not { Status: DemandStatus.Resolved } demand)
            return DemandTrigger.Stale;
        return await DemandTrigger.MoveAsync(() => work.CloseUnratedAsync(demand, ct), "closed unrated");
    }
}
