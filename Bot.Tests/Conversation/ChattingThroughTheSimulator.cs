using System.Text.Json;
using Bot.Tests.Simulator;

namespace Bot.Tests.Conversation;

// The real bot and the simulated platform over real HTTP, in safe (encrypted) mode.
public sealed class ChattingThroughTheSimulator(LiveBot bot) : IClassFixture<LiveBot>
{
    async Task<string> SayAsync(string persona, string text)
    {
        var report = await bot.Simulator.SendAsync(persona, new { type = "text", content = text });
        Assert.Equal("shown", report.GetProperty("outcome").GetString());
        var received = await bot.Simulator.ReceivedAsync(persona);
        return received.Last().GetProperty("text").GetString()!;
    }

    [Fact]
    public async Task A_greeting_gets_a_greeting_and_opens_no_demand()
    {
        var before = await bot.Database.ScalarAsync<int>("SELECT COUNT(*) FROM demand");

        var reply = await SayAsync(RunningSimulator.Villager, "你好");

        Assert.Contains("您好", reply);
        Assert.Equal(before, await bot.Database.ScalarAsync<int>("SELECT COUNT(*) FROM demand"));
    }

    [Fact]
    public async Task A_report_from_a_bound_villager_is_classified_assigned_to_his_member_and_acknowledged()
    {
        var reply = await SayAsync(RunningSimulator.Villager, "俺家门口那盏路灯坏了三天了，晚上黑咕隆咚的");

        Assert.Contains("已收到您的诉求，编号 D", reply);
        Assert.Contains("李建国", reply);
        Assert.Contains("138****0002", reply);
        var code = reply.Split("编号 ")[1][..14];
        var handler = await bot.Database.ScalarAsync<string>(
            "SELECT p.name FROM demand d JOIN person p ON p.id = d.handler_id WHERE d.code = @code", new { code });
        Assert.Equal("李建国", handler);
        Assert.Equal(1, await bot.Database.ScalarAsync<int>(
            "SELECT COUNT(*) FROM outbox o JOIN demand d ON o.idempotency_key LIKE CONCAT('demand:', d.id, ':assigned:%') WHERE d.code = @code", new { code }));
    }
}
