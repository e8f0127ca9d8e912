using Bot.Demo;
using Bot.Domain.Demands;
using Bot.Domain.People;
using Bot.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Bot.Tests.Jobs;

// The bot on a database of its own with the demo village, its clock in the test's hand and the
// scheduler stored to but not started: jobs run when a test runs them.
public sealed class JobsApp : BotApp
{
    // 10:00 in Asia/Shanghai, outside quiet hours.
    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s =>
        {
            // Quartz takes the container's clock too, this test clock, which does not move by itself: the
            // scheduler only stores triggers here and never starts; the tests run the jobs' logic directly.
            s.AddSingleton<TimeProvider>(Clock);
            s.Configure<QuartzHostedServiceOptions>(o => o.AutoStart = false);
        });
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Services.GetRequiredService<DemoSeeder>().SeedAsync();
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    // Built as Quartz's job factory builds them, to run a job's logic without a firing.
    public T Job<T>() where T : Quartz.IJob => ActivatorUtilities.CreateInstance<T>(Services);

    public Task<long> PersonAsync(string phone) => Database.ScalarAsync<long>("SELECT id FROM person WHERE phone = @phone", new { phone });

    public const string Villager = "13800000001", Member = "13800000002", Secretary = "13800000003";

    // A demand from 张大爷, assigned to his party member 李建国.
    public async Task<Demand> ReportAsync(Colour colour = Colour.Green, string text = "村口的路灯坏了")
    {
        var villager = (await Get<PeopleStore>().FindAsync(await PersonAsync(Villager)))!;
        return await Get<DemandIntake>().SubmitAsync(new NewDemand(villager.Id, villager.VillageId, villager.HouseholdId, text, null),
            new Grade(Category.Power, colour, 0.95, "test", true));
    }

    public async Task<Demand> DemandAsync(long id) => (await Get<DemandStore>().FindAsync(id))!;

    public async Task<IReadOnlyList<string>> TriggersAsync(long demandId)
    {
        var scheduler = await Get<ISchedulerFactory>().GetScheduler();
        var found = await scheduler.QueryTriggers(new TriggerQuery { Group = GroupMatcher<TriggerKey>.GroupEquals(DemandTrigger.Group(demandId)) });
        return found.Items.Select(t => t.Key.Name).Order().ToList();
    }

    public Task<IReadOnlyList<OutboxRow>> OutboxAsync(long demandId) => Database.QueryAsync<OutboxRow>(
        "SELECT idempotency_key, kind, recipient_id, next_attempt_at FROM outbox WHERE idempotency_key LIKE @key ORDER BY id",
        new { key = $"demand:{demandId}:%" });

    public sealed record OutboxRow(string IdempotencyKey, string Kind, long RecipientId, DateTime NextAttemptAt);
}
