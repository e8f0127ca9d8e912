using Bot.Domain.Outbox;
using Bot.Tests.Simulator;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Outbox;

// Someone who uses only the mini-program has no Official Account openid: the last channel is a
// subscribe message, one per consent they gave (§7.2).
[Collection(TimingSensitive.Name)]
public sealed class ReachingAMiniProgramUser
{
    const string Done = "SUB_DEMAND_DONE";

    static async Task<long> MiniProgramOnlyPersonAsync(Cluster cluster)
    {
        await using var connection = await cluster.Database.Db.OpenAsync();
        var id = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO person (name, created_at) VALUES ('张大爷', UTC_TIMESTAMP(6)); SELECT LAST_INSERT_ID();");
        await connection.ExecuteAsync(
            "INSERT INTO wechat_identity (person_id, mp_openid, updated_at) VALUES (@id, @mp, UTC_TIMESTAMP(6))",
            new { id, mp = RunningSimulator.VillagerMp });
        return id;
    }

    static Task EnqueueResolvedAsync(BotInstance bot, long person, string key) =>
        bot.Services.GetRequiredService<OutboxStore>().EnqueueAsync(new OutboxMessage(key, person, null, "demand-resolved",
            new OutboxPayload("您的诉求已办结，请评价", Notice: "demand-resolved").ToJson()));

    static Action<Dictionary<string, string?>> WithSubscribeTemplate => s => s["WeChat:SubscribeTemplates:demand-resolved"] = Done;

    [Fact]
    public async Task Each_recorded_consent_buys_one_subscribe_message_and_then_the_message_is_held()
    {
        await using var cluster = await Cluster.StartAsync();
        var bot = await cluster.StartBotAsync(WithSubscribeTemplate);
        var person = await MiniProgramOnlyPersonAsync(cluster);
        await bot.Services.GetRequiredService<SubscribeConsentStore>().RecordAsync(person, [Done], []);
        await cluster.Sim.ConsentAsync(RunningSimulator.Villager, Done);

        await EnqueueResolvedAsync(bot, person, "resolved-1");
        await EnqueueResolvedAsync(bot, person, "resolved-2");

        var rows = await OutboxRows.SettledAsync(cluster.Database);
        Assert.Equal(("Sent", "subscribe"), (rows[0].Status, rows[0].Channel));
        Assert.Equal("Undeliverable", rows[1].Status);
        Assert.Contains("no subscribe consent left", rows[1].LastError);
        Assert.Equal(1, await cluster.Sim.CallsToAsync("cgi-bin/message/subscribe/send"));
    }

    [Fact]
    public async Task A_consent_the_platform_does_not_know_meets_43101_and_is_held_as_undeliverable()
    {
        await using var cluster = await Cluster.StartAsync();
        var bot = await cluster.StartBotAsync(WithSubscribeTemplate);
        var person = await MiniProgramOnlyPersonAsync(cluster);
        await bot.Services.GetRequiredService<SubscribeConsentStore>().RecordAsync(person, [Done], []);

        await EnqueueResolvedAsync(bot, person, "resolved-unknown-consent");

        var row = Assert.Single(await OutboxRows.SettledAsync(cluster.Database));
        Assert.Equal("Undeliverable", row.Status);
        Assert.Contains("43101", row.LastError);
    }
}
