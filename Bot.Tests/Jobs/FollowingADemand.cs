using Bot.Domain.Demands;
using Bot.Jobs;

namespace Bot.Tests.Jobs;

// Every state change replaces the demand's triggers with the plan for its new state and version.
public sealed class FollowingADemand(JobsApp app) : IClassFixture<JobsApp>
{
    [Fact]
    public async Task A_new_assigned_demand_gets_accept_reminders_deadline_reminders_and_its_escalation()
    {
        var demand = await app.ReportAsync();

        var v = demand.Version;
        Assert.Equal(new[] { "accept-1", "accept-2", "deadline-1", "deadline-2", "deadline-3", "overdue" }.Select(n => $"{n}-v{v}").Order(),
            await app.TriggersAsync(demand.Id));
    }

    [Fact]
    public async Task Accepting_drops_the_accept_reminders_and_moves_the_rest_to_the_new_version()
    {
        var demand = await app.ReportAsync();
        var member = new Actor(await app.PersonAsync(JobsApp.Member), ActorRole.PartyMember);

        var accepted = await app.Get<DemandWork>().AcceptAsync(demand, member, default);

        var v = accepted.Version;
        Assert.Equal(new[] { "deadline-1", "deadline-2", "deadline-3", "overdue" }.Select(n => $"{n}-v{v}").Order(), await app.TriggersAsync(demand.Id));
    }

    [Fact]
    public async Task Resolving_schedules_the_survey_and_escalating_restarts_the_clocks_at_the_next_level()
    {
        var work = app.Get<DemandWork>();
        var member = new Actor(await app.PersonAsync(JobsApp.Member), ActorRole.PartyMember);
        var resolved = await work.ResolveAsync(await work.AcceptAsync(await app.ReportAsync(), member, default), member, "换了灯泡", default);
        var escalated = await work.EscalateAsync(await app.ReportAsync(), member, "要村里出钱", default);

        Assert.Equal([$"survey-v{resolved.Version}"], await app.TriggersAsync(resolved.Id));
        Assert.Equal(EscalationLevel.Village, escalated.Level);
        Assert.Contains($"accept-1-v{escalated.Version}", await app.TriggersAsync(escalated.Id));
        Assert.Contains($"overdue-v{escalated.Version}", await app.TriggersAsync(escalated.Id));
    }

    [Fact]
    public async Task A_reminder_whose_moment_passed_before_the_change_is_not_planned_again()
    {
        var demand = await app.ReportAsync();
        app.Clock.Advance(TimeSpan.FromHours(13)); // green: 24 h limit, so the 50% reminder is behind us
        var member = new Actor(await app.PersonAsync(JobsApp.Member), ActorRole.PartyMember);
        try
        {
            var accepted = await app.Get<DemandWork>().AcceptAsync(demand, member, default);

            Assert.Equal(new[] { "deadline-2", "deadline-3", "overdue" }.Select(n => $"{n}-v{accepted.Version}").Order(),
                await app.TriggersAsync(demand.Id));
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromHours(-13));
        }
    }

    [Fact]
    public async Task The_sweep_reschedules_a_demand_whose_triggers_were_lost()
    {
        var demand = await app.ReportAsync();
        var scheduler = await app.Get<Quartz.ISchedulerFactory>().GetScheduler();
        await scheduler.UnscheduleJobs(Quartz.GroupMatcher<Quartz.TriggerKey>.GroupEquals(DemandTrigger.Group(demand.Id)));

        await app.Job<ScheduleSweepJob>().RunAsync(scheduler.SchedulerName, default);

        Assert.Contains($"overdue-v{demand.Version}", await app.TriggersAsync(demand.Id));
    }
}
