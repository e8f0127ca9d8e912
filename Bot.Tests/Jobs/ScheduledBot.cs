using System.Net.Http.Json;
using System.Text.Json;
using Bot.Demo;
using Bot.Domain.Demands;
using Bot.Domain.People;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Bot.Tests.Jobs;

// The bot with its real scheduler on the real clock and windows of seconds: green tasks are
// reminded after 2 s and handed up after 4 s. Pointed at another bot's database, it is a second
// instance of the same cluster.
public class ScheduledBot(ScheduledBot? sharing = null, bool start = true) : BotApp
{
    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        if (sharing is not null)
            settings["Database:ConnectionString"] = sharing.Database.ConnectionString;
        settings["Jobs:AcceptWindow:Green"] = "00:00:02";
        return settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s =>
        {
            s.Configure<QuartzHostedServiceOptions>(o => o.AutoStart = start);
            s.AddQuartz(q => q.ConfigureScheduler(o => o.InstanceName = ClusterName));
        });
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (sharing is null)
            await Services.GetRequiredService<DemoSeeder>().SeedAsync();
        if (start)
            await CheckedInAsync();
    }

    // Quartz starts after the host, in the background, and a clustered start checks in first. A test that
    // stopped this instance before then would race its start instead of stopping a running instance.
    async Task CheckedInAsync()
    {
        var scheduler = await Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        if (!await EventuallyAsync("SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE WHERE INSTANCE_NAME = @id", 1,
                new { id = scheduler.SchedulerInstanceId }, seconds: 120))
            throw new InvalidOperationException($"scheduler {scheduler.SchedulerInstanceId} did not check in within 120 s");
    }

    public TestDatabase Store => sharing?.Database ?? Database;

    // Every bot in the test process is a scheduler named "bot", on the real clock or a test's. A run of the
    // suite once found a demand's reminders fired early and to no effect, by a scheduler whose clock read
    // 15 hours ahead, as JobsApp's does; the scheduler name keys every Quartz row, so one of its own per
    // cluster keeps other tests' schedulers off this cluster's triggers, however they reached them.
    public string ClusterName => sharing?.ClusterName ?? $"bot-{Database.Name}";

    public async Task<Demand> ReportAsync()
    {
        var villager = (await Services.GetRequiredService<PeopleStore>().FindByPhoneAsync(JobsApp.Villager))!;
        return await Services.GetRequiredService<DemandIntake>().SubmitAsync(
            new NewDemand(villager.Id, villager.VillageId, villager.HouseholdId, "村口的路灯坏了", null),
            new Grade(Category.Power, Colour.Green, 0.95, "test", true));
    }

    // For a failure message: what the cluster knew of the demand's triggers when the wait gave up.
    public async Task<string> DescribeScheduleAsync(long demandId)
    {
        var instances = await Store.QueryAsync<(string, long)>(
            "SELECT INSTANCE_NAME, LAST_CHECKIN_TIME FROM QRTZ_SCHEDULER_STATE WHERE SCHED_NAME = @ClusterName", new { ClusterName });
        var triggers = await Store.QueryAsync<(string, string, long)>(
            "SELECT TRIGGER_NAME, TRIGGER_STATE, COALESCE(NEXT_FIRE_TIME, 0) FROM QRTZ_TRIGGERS WHERE TRIGGER_GROUP = @group",
            new { group = $"demand-{demandId}" });
        var fired = await Store.QueryAsync<(string, string, string)>(
            "SELECT TRIGGER_NAME, INSTANCE_NAME, STATE FROM QRTZ_FIRED_TRIGGERS WHERE TRIGGER_GROUP = @group",
            new { group = $"demand-{demandId}" });
        var events = await Store.QueryAsync<(string, string, string, int)>(
            "SELECT kind, status, level, version FROM demand_event WHERE demand_id = @demandId ORDER BY id", new { demandId });
        var runs = (await AdminClient().GetFromJsonAsync<JsonElement>($"/api/admin/jobs?demand={demandId}")).GetProperty("recent");
        string Age(long ticks) => $"{(DateTime.UtcNow.Ticks - ticks) / TimeSpan.TicksPerSecond}s ago";
        return $"instances: {string.Join("; ", instances.Select(i => $"{i.Item1} checked in {Age(i.Item2)}"))}. "
            + $"triggers: {string.Join("; ", triggers.Select(t => $"{t.Item1} {t.Item2} due {Age(t.Item3)}"))}. "
            + $"fired: {string.Join("; ", fired.Select(f => $"{f.Item1} on {f.Item2} {f.Item3}"))}. "
            + $"timeline: {string.Join("; ", events.Select(e => $"v{e.Item4} {e.Item1} {e.Item2} {e.Item3}"))}. "
            + $"runs: {runs}";
    }

    // Polls the store until the condition holds, or gives up.
    public async Task<bool> EventuallyAsync(string countSql, long expected, object? args = null, int seconds = 30)
    {
        for (var until = DateTime.UtcNow.AddSeconds(seconds); DateTime.UtcNow < until; await Task.Delay(250))
            if (await Store.ScalarAsync<long>(countSql, args) >= expected)
                return true;
        return false;
    }
}
