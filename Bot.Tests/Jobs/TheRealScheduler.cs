using System.Net.Http.Json;
using System.Text.Json;
using Bot.Domain.Demands;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Bot.Tests.Jobs;

// Through Quartz itself, clustered on MariaDB, on the real clock with windows of seconds.
[Collection(TimingSensitive.Name)]
public sealed class TheRealScheduler
{
    const string Reminders = "SELECT COUNT(*) FROM outbox WHERE kind = 'accept-reminder-1' AND idempotency_key LIKE @key";
    const string RunsPerTrigger = """
        SELECT COUNT(*) FROM QRTZ_EXECUTION_HISTORY WHERE TRIGGER_GROUP = @group AND TRIGGER_NAME LIKE @name
        """;

    [Fact]
    public async Task A_reminder_fires_on_time_and_the_operator_sees_the_run()
    {
        var bot = new ScheduledBot();
        await bot.InitializeAsync();
        try
        {
            var demand = await bot.ReportAsync();

            Assert.True(await bot.EventuallyAsync(Reminders, 1, new { key = $"demand:{demand.Id}:%" }));
            Assert.True(await bot.EventuallyAsync("SELECT COUNT(*) FROM demand WHERE id = @id AND level = 'Village'", 1, new { id = demand.Id }));
            var view = await bot.AdminClient().GetFromJsonAsync<JsonElement>($"/api/admin/jobs?demand={demand.Id}");
            var runs = view.GetProperty("recent").EnumerateArray().Select(r => r.GetProperty("trigger").GetString()).ToList();
            Assert.Contains($"accept-1-v{demand.Version}", runs);
            Assert.Contains($"accept-2-v{demand.Version}", runs);
            Assert.NotEmpty(view.GetProperty("scheduled").EnumerateArray()); // the next level's triggers
        }
        finally
        {
            await bot.DisposeAsync();
        }
    }

    [Fact]
    public async Task Jobs_that_came_due_while_every_instance_was_down_run_once_at_start()
    {
        var bot = new ScheduledBot(start: false);
        await bot.InitializeAsync();
        try
        {
            var demand = await bot.ReportAsync();
            await Task.Delay(TimeSpan.FromSeconds(6)); // both the reminder (2 s) and the escalation (4 s) come due, unseen

            await (await bot.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).Start();

            Assert.True(await bot.EventuallyAsync("SELECT COUNT(*) FROM demand WHERE id = @id AND level = 'Village'", 1, new { id = demand.Id }));
            await Task.Delay(TimeSpan.FromSeconds(2));
            var group = $"demand-{demand.Id}";
            Assert.Equal(1, await bot.Store.ScalarAsync<long>(RunsPerTrigger, new { group, name = $"accept-1-v{demand.Version}" }));
            Assert.Equal(1, await bot.Store.ScalarAsync<long>(RunsPerTrigger, new { group, name = $"accept-2-v{demand.Version}" }));
            // Both came due at once: the escalation, whichever ran first, happened once; the reminder
            // at most once (run after the escalation it finds the state moved on and sends nothing).
            Assert.Equal(1, await bot.Store.ScalarAsync<long>(
                "SELECT COUNT(*) FROM demand_event WHERE demand_id = @id AND kind = 'Escalated' AND level = 'Village'", new { id = demand.Id }));
            Assert.InRange(await bot.Store.ScalarAsync<long>(Reminders, new { key = $"demand:{demand.Id}:accept-reminder-1:v{demand.Version}:%" }), 0, 1);
        }
        finally
        {
            await bot.DisposeAsync();
        }
    }

    [Fact]
    public async Task Two_instances_on_one_store_run_each_reminder_once()
    {
        var first = new ScheduledBot();
        await first.InitializeAsync();
        var second = new ScheduledBot(sharing: first);
        await second.InitializeAsync();
        try
        {
            var demands = new List<Demand>();
            for (var i = 0; i < 20; i++)
                demands.Add(await first.ReportAsync());

            Assert.True(await first.EventuallyAsync(
                "SELECT COUNT(*) FROM QRTZ_EXECUTION_HISTORY WHERE TRIGGER_NAME LIKE 'accept-2-v%'", demands.Count, seconds: 60));
            await Task.Delay(TimeSpan.FromSeconds(2));
            foreach (var d in demands)
            {
                Assert.Equal(1, await first.Store.ScalarAsync<long>(RunsPerTrigger, new { group = $"demand-{d.Id}", name = $"accept-1-v{d.Version}" }));
                Assert.Equal(1, await first.Store.ScalarAsync<long>(RunsPerTrigger, new { group = $"demand-{d.Id}", name = $"accept-2-v{d.Version}" }));
                Assert.Equal(1, await first.Store.ScalarAsync<long>(Reminders, new { key = $"demand:{d.Id}:accept-reminder-1:v{d.Version}:%" }));
            }
            // Both nodes took part (Quartz spreads acquisition; with 40 firings one node alone is very unlikely).
            Assert.Equal(2, await first.Store.ScalarAsync<long>("SELECT COUNT(DISTINCT INSTANCE_NAME) FROM QRTZ_EXECUTION_HISTORY"));
        }
        finally
        {
            await second.DisposeAsync();
            await first.DisposeAsync();
        }
    }

    // A process cannot be killed inside a test run; stopping the instance that planned the reminders,
    // before they come due, leaves them to the cluster all the same.
    [Fact]
    public async Task The_reminders_of_an_instance_that_went_away_are_run_by_another()
    {
        var store = new ScheduledBot(start: false); // owns the database and the demo village, never fires
        await store.InitializeAsync();
        var gone = new ScheduledBot(sharing: store);
        await gone.InitializeAsync();
        try
        {
            var demand = await gone.ReportAsync();
            await gone.DisposeAsync();
            var other = new ScheduledBot(sharing: store);
            await other.InitializeAsync();
            try
            {
                // A stop releases the triggers the instance had acquired, and the other runs them at once (about
                // 7 s here). Had it died holding them, they would return once the cluster declared it failed:
                // its last check-in plus the 10 s interval plus Quartz's 7.5 s grace, noticed at the next 10 s
                // check-in, about 30 s, and later when check-ins slip on a loaded machine.
                Assert.True(await store.EventuallyAsync(
                    "SELECT COUNT(*) FROM demand WHERE id = @id AND level = 'Village'", 1, new { id = demand.Id }, seconds: 180),
                    await store.DescribeScheduleAsync(demand.Id));
                Assert.Equal(1, await store.Store.ScalarAsync<long>(Reminders, new { key = $"demand:{demand.Id}:accept-reminder-1:v{demand.Version}:%" }));
            }
            finally
            {
                await other.DisposeAsync();
            }
        }
        finally
        {
            await store.DisposeAsync();
        }
    }
}
