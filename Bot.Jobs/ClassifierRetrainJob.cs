using Bot.Domain.Classification;
using Quartz;

namespace Bot.Jobs;

// Sunday 03:00 (JobsOptions.ClassifierRetrainCron): retrain with the secretaries' corrections and swap
// the model in only if it cross-validates at least as well (ClassifierRetraining).
[DisallowConcurrentExecution]
public sealed class ClassifierRetrainJob(ClassifierRetraining retraining) : IJob
{
    public static readonly JobKey Key = new("classifier-retrain", "maintenance");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default)
    {
        var run = await retraining.RunAsync(ct);
        context.Result = JobRunReport.Succeeded(run.Outcome switch
        {
            RetrainOutcome.Skipped => "no corrections yet",
            RetrainOutcome.Unchanged => $"{run.Corrections} correction(s) give the running model {run.RunningVersion}",
            _ => $"{run.Outcome.ToString().ToLowerInvariant()}: candidate {run.CandidateVersion} macro-F1 {run.CandidateMacroF1:0.000} " +
                 $"vs running {run.RunningVersion} {run.RunningMacroF1:0.000} ({run.Corrections} correction(s))",
        });
    }
}
