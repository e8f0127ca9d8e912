using Bot.Domain.Demands;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Bot.Jobs;

// Scheduling follows the demand: after every committed change (DemandStore's hook), the demand's
// triggers are dropped and its plan for the new state is stored.
public sealed class DemandSchedule(ISchedulerFactory schedulers, DemandStore demands, JobsOptions options, TimeProvider clock,
    ILogger<DemandSchedule> log)
{
    // The change has committed already; if Quartz cannot be reached now, the sweep catches up.
    public async Task FollowAsync(IReadOnlyList<Demand> changed, CancellationToken ct)
    {
        try
        {
            await ReplanAsync(changed, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not reschedule demand(s) {Ids}; the sweep will", string.Join(",", changed.Select(d => d.Id)));
        }
    }

    public async Task ReplanAsync(IReadOnlyList<Demand> changed, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var milestones = await demands.MilestonesAsync(changed.Select(d => d.Id).ToList(), ct);
        var now = clock.GetUtcNow();
        foreach (var d in changed)
        {
            await scheduler.UnscheduleJobs(GroupMatcher<TriggerKey>.GroupEquals(DemandTrigger.Group(d.Id)), ct);
            var plan = DemandPlan.For(d, milestones.GetValueOrDefault(d.Id, DemandMilestones.None), options, now);
            foreach (var planned in plan)
                await scheduler.ScheduleJob(DemandTrigger.Build(d, planned), ScheduleJobOptions.Replacing, ct);
        }
    }
}
