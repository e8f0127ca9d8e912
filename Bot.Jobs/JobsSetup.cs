using Bot.Domain.Demands;
using Bot.Domain.Evaluation;
using Bot.Domain.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MySql.Data.MySqlClient;
using Quartz;

namespace Bot.Jobs;

public static class JobsSetup
{
    // Quartz keeps its tables (QRTZ_*) in the bot's database; clustering makes several bot
    // instances share the schedule so each trigger fires once and a dead node's work is taken over.
    // Needs AddDatabase and AddConversation (DemandWork, Templates, QuietHours) beside it.
    public static IServiceCollection AddBotJobs(this IServiceCollection services)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section)
            .Validate(o => o.FirstReminderAt is > 0 and < 1 && o.SecondReminderAt > o.FirstReminderAt && o.SecondReminderAt < 1,
                "Jobs:FirstReminderAt and Jobs:SecondReminderAt are shares of the time limit, 0 < first < second < 1.")
            .Validate(o => new[] { o.WeeklyReportCron, o.MonthlyEvaluationCron, o.ClassifierRetrainCron }.All(c => CronExpression.TryParse(c, out _)),
                "Jobs:WeeklyReportCron, Jobs:MonthlyEvaluationCron and Jobs:ClassifierRetrainCron must be Quartz cron expressions.")
            .Validate(o => o.EvaluationBottomShare is >= 0 and <= 1 && o.EvaluationMinRated >= 1,
                "Jobs:EvaluationBottomShare is a share (0–1) and Jobs:EvaluationMinRated at least 1.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<JobsOptions>>().Value);
        services.AddSingleton<DemandSchedule>();
        // Every committed change to a demand passes DemandStore.WriteAsync; this makes its schedule follow.
        // Resolved per call: DemandSchedule reads through DemandStore, which holds this delegate.
        services.AddSingleton<DemandsChanged>(sp => (demands, ct) => sp.GetRequiredService<DemandSchedule>().FollowAsync(demands, ct));
        services.AddSingleton<ReportStore>();
        services.AddSingleton<JobsView>();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = "bot";
                s.GenerateInstanceId = true; // each instance a distinct id, as clustering requires
            });
            // The clock is the container's TimeProvider (Quartz takes it when UseTimeProvider is not
            // called), so tests that replace it move Quartz's clock too.
            q.UsePersistentStore(store =>
            {
                // From the container when the store first connects, not from configuration read before the
                // host is built: that missed test and environment overrides and put every store in one database.
                store.UseMySql(o => o.DataSourceFactory = sp =>
                    MySqlClientFactory.Instance.CreateDataSource(sp.GetRequiredService<Db>().ConnectionString));
                store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(10));
                store.UseExecutionHistory();
                store.ProvisionSchema();
            });
            // Jobs are idempotent, so any failure (the database away, a deadlock) is simply tried again.
            q.UseDefaultRetryPolicy(RetryPolicy.Exponential(6, TimeSpan.FromSeconds(30), 2, TimeSpan.FromMinutes(30)));
            Durable<AcceptReminderJob>(q, AcceptReminderJob.Key);
            Durable<DeadlineReminderJob>(q, DeadlineReminderJob.Key);
            Durable<OverdueEscalationJob>(q, OverdueEscalationJob.Key);
            Durable<SurveyDispatchJob>(q, SurveyDispatchJob.Key);
            Durable<SurveyReminderJob>(q, SurveyReminderJob.Key);
            Durable<SurveyCloseJob>(q, SurveyCloseJob.Key);
            Durable<WeeklyReportJob>(q, WeeklyReportJob.Key);
            Durable<MonthlyEvaluationJob>(q, MonthlyEvaluationJob.Key);
            Durable<ScheduleSweepJob>(q, ScheduleSweepJob.Key);
            Durable<ClassifierRetrainJob>(q, ClassifierRetrainJob.Key);
        });
        services.AddQuartzExecutionHistory(o =>
        {
            o.Retention = TimeSpan.FromDays(14);
            o.MaxEntriesPerScheduler = 100_000;
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    // RequestRecovery: a job running on an instance that dies is run again by another (clustering).
    static void Durable<T>(IQuartzBuilder q, JobKey key) where T : IJob =>
        q.AddJob<T>(j => j.WithIdentity(key).StoreDurably().RequestRecovery());

    // The recurring triggers, from the options as configured now; stored over whatever an earlier
    // start stored, so a changed cron applies. Misfire policy (docs/jobs.md): a report that came due
    // while every instance was down runs once at start, however many periods were missed.
    public static async Task ScheduleRecurringJobsAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var options = services.GetRequiredService<JobsOptions>();
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);
        ITrigger Cron(JobKey job, string cron) => TriggerBuilder.Create().WithIdentity(job.Name, "recurring").ForJob(job)
            .WithCronSchedule(cron, c => c.InTimeZone(DemandCode.China).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        await scheduler.ScheduleJob(Cron(WeeklyReportJob.Key, options.WeeklyReportCron), ScheduleJobOptions.Replacing, ct);
        await scheduler.ScheduleJob(Cron(MonthlyEvaluationJob.Key, options.MonthlyEvaluationCron), ScheduleJobOptions.Replacing, ct);
        await scheduler.ScheduleJob(Cron(ClassifierRetrainJob.Key, options.ClassifierRetrainCron), ScheduleJobOptions.Replacing, ct);
        // The sweep runs at every start (Quartz fires a trigger starting now at once) and then every SweepEvery.
        await scheduler.ScheduleJob(TriggerBuilder.Create().WithIdentity(ScheduleSweepJob.Key.Name, "recurring").ForJob(ScheduleSweepJob.Key)
            .StartNow()
            .WithSimpleSchedule(s => s.WithInterval(options.SweepEvery).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build(), ScheduleJobOptions.Replacing, ct);
    }
}
