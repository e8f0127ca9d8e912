using Bot.Domain.Demands;
using Bot.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

// Storing the open demands' triggers the two ways the scheduler bench times: the real per-demand path,
// and the same plans stored many demands to a Quartz call.
static class TriggerBatches
{
    // As the sweep replans: 500 demands to a DemandSchedule.ReplanAsync.
    const int ReplanBatch = 500;
    const int StoreBatch = 1_000;

    // DemandSchedule.ReplanAsync, what every state change runs: per demand, drop its trigger group, then
    // one ScheduleJob (one Quartz transaction under the cluster's lock) per planned trigger.
    public static async Task ReplanAsync(IServiceProvider services, int skip, int count)
    {
        var schedule = services.GetRequiredService<DemandSchedule>();
        for (var done = 0; done < count; done += ReplanBatch)
            await schedule.ReplanAsync(await PageAsync(services, skip + done, Math.Min(ReplanBatch, count - done)), CancellationToken.None);
    }

    // The same plans (DemandPlan, DemandTrigger), stored StoreBatch demands to one ScheduleJobs call.
    // Nothing is dropped first: these demands have no triggers yet.
    public static async Task PlanAndStoreAsync(IServiceProvider services, int skip, int count)
    {
        var store = services.GetRequiredService<DemandStore>();
        var options = services.GetRequiredService<JobsOptions>();
        for (var done = 0; done < count; done += StoreBatch)
        {
            var page = await PageAsync(services, skip + done, Math.Min(StoreBatch, count - done));
            var milestones = await store.MilestonesAsync(page.Select(d => d.Id).ToList());
            var now = DateTimeOffset.UtcNow;
            await StoreAsync(services, page.SelectMany(d =>
                DemandPlan.For(d, milestones.GetValueOrDefault(d.Id, DemandMilestones.None), options, now)
                    .Select(p => DemandTrigger.Build(d, p))));
        }
    }

    // Replacing: a trigger stored under an existing key (same demand, step and version) takes its place.
    public static async Task StoreAsync(IServiceProvider services, IEnumerable<ITrigger> triggers)
    {
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var byJob = new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>>();
        foreach (var group in triggers.GroupBy(t => t.JobKey))
            byJob[(await scheduler.GetJobDetail(group.Key))!] = group.ToList();
        await scheduler.ScheduleJobs(byJob, ScheduleJobOptions.Replacing);
    }

    // The demands in id order, as inserted.
    public static Task<IReadOnlyList<Demand>> PageAsync(IServiceProvider services, int skip, int take) =>
        services.GetRequiredService<DemandStore>().ListAsync("id > 0 ORDER BY id LIMIT @take OFFSET @skip", new { skip, take });
}
