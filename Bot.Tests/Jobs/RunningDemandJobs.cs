using Bot.Domain.Demands;
using Bot.Jobs;

namespace Bot.Tests.Jobs;

// Each per-demand job run directly at a chosen moment, as a firing would run it.
public sealed class RunningDemandJobs(JobsApp app) : IClassFixture<JobsApp>
{
    async Task<Actor> MemberAsync() => new(await app.PersonAsync(JobsApp.Member), ActorRole.PartyMember);

    [Fact]
    public async Task An_unaccepted_task_reminds_its_member_once_then_goes_up_to_the_village_on_the_second_miss()
    {
        var demand = await app.ReportAsync();
        var job = app.Job<AcceptReminderJob>();

        var first = await job.RunAsync(demand.Id, demand.Version, 1, default);
        var again = await job.RunAsync(demand.Id, demand.Version, 1, default);
        var second = await job.RunAsync(demand.Id, demand.Version, 2, default);

        var member = await app.PersonAsync(JobsApp.Member);
        var secretary = await app.PersonAsync(JobsApp.Secretary);
        var villager = await app.PersonAsync(JobsApp.Villager);
        Assert.Equal(Quartz.JobRunResult.Succeeded, first.Result);
        Assert.Equal(Quartz.JobRunResult.Succeeded, again.Result);
        Assert.Equal(Quartz.JobRunResult.Succeeded, second.Result);
        var now = await app.DemandAsync(demand.Id);
        Assert.Equal((EscalationLevel.Village, secretary), (now.Level, now.HandlerId));
        var sent = (await app.OutboxAsync(demand.Id)).Select(r => (r.Kind, r.RecipientId)).ToList();
        Assert.Equal([("accept-reminder-1", member), ("demand-escalated", villager),
            ("task-assigned", secretary), ("task-handed-over", member)], sent);
    }

    [Fact]
    public async Task A_firing_planned_for_an_older_version_does_nothing()
    {
        var demand = await app.ReportAsync();
        await app.Get<DemandWork>().AcceptAsync(demand, await MemberAsync(), default);

        var late = await app.Job<AcceptReminderJob>().RunAsync(demand.Id, demand.Version, 2, default);
        var lateDeadline = await app.Job<OverdueEscalationJob>().RunAsync(demand.Id, demand.Version, default);

        Assert.Equal(Quartz.JobRunResult.Skipped, late.Result);
        Assert.Equal(Quartz.JobRunResult.Skipped, lateDeadline.Result);
        Assert.Equal(EscalationLevel.Member, (await app.DemandAsync(demand.Id)).Level);
        Assert.DoesNotContain(await app.OutboxAsync(demand.Id), r => r.Kind.StartsWith("accept-reminder") || r.Kind == "demand-escalated");
    }

    [Fact]
    public async Task Deadline_reminders_go_to_the_current_handler_once_per_milestone()
    {
        var demand = await app.Get<DemandWork>().AcceptAsync(await app.ReportAsync(), await MemberAsync(), default);
        var job = app.Job<DeadlineReminderJob>();

        foreach (var percent in new[] { 50, 80, 80, 100 })
            await job.RunAsync(demand.Id, demand.Version, percent, default);

        var reminders = (await app.OutboxAsync(demand.Id)).Where(r => r.Kind.StartsWith("deadline-")).ToList();
        Assert.Equal(["deadline-50", "deadline-80", "deadline-100"], reminders.Select(r => r.Kind));
        Assert.All(reminders, r => Assert.Equal(demand.HandlerId, r.RecipientId));
        Assert.Contains("80%", await PayloadAsync(reminders[1].IdempotencyKey));
    }

    [Fact]
    public async Task An_overdue_demand_climbs_to_the_district_and_then_alerts_its_handler_once_a_day()
    {
        var demand = await app.ReportAsync(Colour.Blue, "自来水停了两天");
        var job = app.Job<OverdueEscalationJob>();
        foreach (var level in new[] { EscalationLevel.Village, EscalationLevel.Town, EscalationLevel.District })
        {
            demand = await app.DemandAsync(demand.Id);
            await job.RunAsync(demand.Id, demand.Version, default);
            Assert.Equal(level, (await app.DemandAsync(demand.Id)).Level);
        }
        demand = await app.DemandAsync(demand.Id);
        var start = app.Clock.Now;
        try
        {
            app.Clock.Now = demand.DeadlineAt!.Value + TimeSpan.FromHours(2);
            await job.RunAsync(demand.Id, demand.Version, default);
            await job.RunAsync(demand.Id, demand.Version, default); // a duplicate firing the same day
            app.Clock.Advance(TimeSpan.FromDays(1));
            await job.RunAsync(demand.Id, demand.Version, default);
        }
        finally
        {
            app.Clock.Now = start;
        }

        var district = await app.PersonAsync("13836236107");
        Assert.Equal((EscalationLevel.District, district), (demand.Level, demand.HandlerId));
        Assert.Equal(["overdue-alert-1", "overdue-alert-2"],
            (await app.OutboxAsync(demand.Id)).Where(r => r.Kind.StartsWith("overdue-alert")).Select(r => r.Kind));
        Assert.Equal([$"overdue-v{demand.Version}"], (await app.TriggersAsync(demand.Id)).Where(t => t.StartsWith("overdue")));
    }

    [Fact]
    public async Task A_resolved_demand_gets_the_card_a_reminder_and_then_closes_unrated()
    {
        var work = app.Get<DemandWork>();
        var member = await MemberAsync();
        var resolved = await work.ResolveAsync(await work.AcceptAsync(await app.ReportAsync(), member, default), member, "换了灯泡", default);

        var sent = await app.Job<SurveyDispatchJob>().RunAsync(resolved.Id, resolved.Version, default);
        var twice = await app.Job<SurveyDispatchJob>().RunAsync(resolved.Id, resolved.Version, default);
        var surveyed = await app.DemandAsync(resolved.Id);
        var triggers = await app.TriggersAsync(resolved.Id);
        await app.Job<SurveyReminderJob>().RunAsync(surveyed.Id, surveyed.Version, default);
        await app.Job<SurveyCloseJob>().RunAsync(surveyed.Id, surveyed.Version, default);

        Assert.Equal(Quartz.JobRunResult.Succeeded, sent.Result);
        Assert.Equal(Quartz.JobRunResult.Skipped, twice.Result);
        Assert.Equal([$"survey-close-v{surveyed.Version}", $"survey-reminder-v{surveyed.Version}"], triggers);
        var villager = await app.PersonAsync(JobsApp.Villager);
        var toVillager = (await app.OutboxAsync(resolved.Id)).Where(r => r.RecipientId == villager).Select(r => r.Kind);
        Assert.Equal(["demand-accepted", "demand-resolved", "survey", "survey-reminder"], toVillager);
        Assert.Equal(DemandStatus.ClosedUnrated, (await app.DemandAsync(resolved.Id)).Status);
        Assert.Empty(await app.TriggersAsync(resolved.Id));
    }

    [Fact]
    public async Task A_reminder_due_in_quiet_hours_waits_for_the_morning()
    {
        var demand = await app.ReportAsync();
        var start = app.Clock.Now;
        try
        {
            app.Clock.Now = new DateTimeOffset(2026, 11, 23, 23, 30, 0, TimeSpan.FromHours(8));
            await app.Job<AcceptReminderJob>().RunAsync(demand.Id, demand.Version, 1, default);
        }
        finally
        {
            app.Clock.Now = start;
        }

        var reminder = (await app.OutboxAsync(demand.Id)).Single(r => r.Kind == "accept-reminder-1");
        Assert.Equal(new DateTime(2026, 11, 23, 23, 0, 0), reminder.NextAttemptAt); // 07:00 Asia/Shanghai
    }

    Task<string> PayloadAsync(string key) =>
        app.Database.ScalarAsync<string>("SELECT CAST(payload AS CHAR) FROM outbox WHERE idempotency_key = @key", new { key });
}
