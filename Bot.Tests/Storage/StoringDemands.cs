using Bot.Domain.Demands;
using Bot.Domain.Storage;
using Dapper;

namespace Bot.Tests.Storage;

public sealed class StoringDemands : IAsyncLifetime
{
    readonly TestDatabase database = new();
    long villagerId;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        await database.MigrateAsync();
        await using var connection = await database.Db.OpenAsync();
        villagerId = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO person (name, phone, created_at) VALUES ('张大爷', '13800000001', UTC_TIMESTAMP(6)); SELECT LAST_INSERT_ID();");
    }

    public Task DisposeAsync() => database.DisposeAsync();

    DemandStore Store => new(database.Db);

    Task<Demand> SubmitAsync(string text, DateTimeOffset at) => Store.WriteAsync(async w =>
        await w.InsertAsync(Demand.Submit(await w.NextCodeAsync(at), villagerId, null, null, text, null, at)));

    [Fact]
    public async Task Chinese_and_emoji_round_trip_and_times_stay_utc_to_the_microsecond()
    {
        var at = new DateTimeOffset(2026, 11, 21, 15, 30, 12, TimeSpan.Zero).AddTicks(1234560);
        const string text = "村口路灯坏了😭 晚上黑漆漆的🌃，老人家走路怕摔跤";

        var saved = await SubmitAsync(text, at);
        var loaded = await Store.FindAsync(saved.Id);

        Assert.Equal(text, loaded!.Text);
        Assert.Equal(at, loaded.CreatedAt);
        Assert.Equal(TimeSpan.Zero, loaded.CreatedAt.Offset);
        Assert.Equal(DemandStatus.Submitted, (await Store.TimelineAsync(saved.Id)).Single().Status);
    }

    [Fact]
    public async Task Codes_are_unique_per_local_day_even_when_submitted_concurrently()
    {
        // 23:30 UTC is already the next day in Shanghai.
        var at = new DateTimeOffset(2026, 11, 21, 23, 30, 0, TimeSpan.Zero);

        var demands = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => SubmitAsync($"第{i}件事", at)));

        var codes = demands.Select(d => d.Code).ToList();
        Assert.Equal(20, codes.Distinct().Count());
        Assert.All(codes, c => Assert.StartsWith("D20261122-", c));
        Assert.Equal(Enumerable.Range(1, 20).Select(n => $"D20261122-{n:D4}"), codes.Order());
    }

    [Fact]
    public async Task A_change_made_from_a_stale_version_is_refused_and_writes_nothing()
    {
        var at = DateTimeOffset.UtcNow;
        var submitted = await SubmitAsync("路灯不亮", at);
        var classified = submitted.Classify(Category.Power, Colour.Green, 0.9, "m1", at);
        await Store.WriteAsync(w => w.ApplyAsync(classified));

        var stale = submitted.Withdraw(new Actor(villagerId, ActorRole.Villager), at);
        var refused = await Assert.ThrowsAsync<RuleViolation>(() => Store.WriteAsync(w => w.ApplyAsync(stale)));

        Assert.Equal(RuleViolationKind.StaleVersion, refused.Kind);
        var now = await Store.FindAsync(submitted.Id);
        Assert.Equal((DemandStatus.Submitted, 2), (now!.Status, now.Version));
        Assert.Equal([DemandEventKind.Submitted, DemandEventKind.Classified], (await Store.TimelineAsync(submitted.Id)).Select(e => e.Kind));
    }

    [Fact]
    public async Task The_same_outbox_message_enqueued_twice_is_stored_once()
    {
        var message = new Bot.Domain.Outbox.OutboxMessage("demand-1:accepted:v3", villagerId, "oDemo", "text", """{"text":"已接单"}""");

        await Store.WriteAsync(async w => { await w.EnqueueAsync([message], DateTimeOffset.UtcNow); return 0; });
        await Store.WriteAsync(async w => { await w.EnqueueAsync([message], DateTimeOffset.UtcNow); return 0; });

        Assert.Equal(1, await database.ScalarAsync<int>("SELECT COUNT(*) FROM outbox"));
    }
}
