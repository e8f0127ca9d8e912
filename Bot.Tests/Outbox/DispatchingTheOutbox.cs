using Bot.Simulator;
using Bot.Tests.Simulator;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;

namespace Bot.Tests.Outbox;

[Collection(TimingSensitive.Name)]
public sealed class DispatchingTheOutbox
{
    const string Template = "cgi-bin/message/template/send";
    const string Custom = "cgi-bin/message/custom/send";

    [Fact]
    public async Task A_busy_platform_and_an_HTTP_500_are_retried_until_the_message_is_sent()
    {
        await using var cluster = await Cluster.StartAsync();
        await cluster.Sim.FaultAsync(new { kind = "busy", count = 2, path = "/" + Template });
        await cluster.Sim.FaultAsync(new { kind = "http500", count = 1, path = "/" + Template });
        var bot = await cluster.StartBotAsync();

        await bot.EnqueueAsync("retry-1", RunningSimulator.Member, "请处理村口路灯");

        var row = Assert.Single(await OutboxRows.SettledAsync(cluster.Database));
        Assert.Equal(("Sent", "template", 4), (row.Status, row.Channel, row.Attempts));
        Assert.Equal([-1, -1, null, 0], await cluster.Sim.CodesOnAsync(Template));
        Assert.Equal(["请处理村口路灯"], await cluster.Sim.TemplateTextsAsync(RunningSimulator.Member));
    }

    [Fact]
    public async Task A_blip_is_retried_inside_one_attempt()
    {
        await using var cluster = await Cluster.StartAsync();
        await cluster.Sim.FaultAsync(new { kind = "busy", count = 2, path = "/" + Template });
        var bot = await cluster.StartBotAsync(s => s["Outbox:InCallRetries"] = "2");

        await bot.EnqueueAsync("blip-1", RunningSimulator.Member, "请处理村口路灯");

        var row = Assert.Single(await OutboxRows.SettledAsync(cluster.Database));
        Assert.Equal(("Sent", 1), (row.Status, row.Attempts));
        Assert.Equal([-1, -1, 0], await cluster.Sim.CodesOnAsync(Template));
    }

    [Fact]
    public async Task Without_an_open_window_the_configured_template_goes_out_with_the_text_cut_to_20_characters()
    {
        await using var cluster = await Cluster.StartAsync();
        var bot = await cluster.StartBotAsync();

        await bot.EnqueueAsync("long-1", RunningSimulator.Member, "新任务：张大爷反映村口路灯坏了三天，晚上出行很不方便，请尽快处理");

        var row = Assert.Single(await OutboxRows.SettledAsync(cluster.Database));
        Assert.Equal(("Sent", "template"), (row.Status, row.Channel));
        Assert.Equal(0, await cluster.Sim.CallsToAsync(Custom));
        var text = Assert.Single(await cluster.Sim.TemplateTextsAsync(RunningSimulator.Member));
        Assert.Equal("新任务：张大爷反映村口路灯坏了三天，晚…", text); // 19 + the ellipsis
    }

    [Fact]
    public async Task A_window_the_platform_no_longer_knows_meets_45015_and_falls_back_to_the_template()
    {
        await using var cluster = await Cluster.StartAsync();
        await OpenWindowInOurRecordsAsync(cluster, RunningSimulator.Member);
        var bot = await cluster.StartBotAsync();

        await bot.EnqueueAsync("stale-1", RunningSimulator.Member, "新任务");

        var row = Assert.Single(await OutboxRows.SettledAsync(cluster.Database));
        Assert.Equal(("Sent", "template", 1), (row.Status, row.Channel, row.Attempts));
        Assert.Equal([45015], await cluster.Sim.CodesOnAsync(Custom));
        Assert.Equal(0, await cluster.Database.ScalarAsync<int>(
            "SELECT message_sends_left FROM wechat_contact WHERE openid = @o", new { o = RunningSimulator.Member }));
    }

    [Fact]
    public async Task Without_a_window_or_a_template_the_message_is_held_as_undeliverable()
    {
        await using var cluster = await Cluster.StartAsync();
        await OpenWindowInOurRecordsAsync(cluster, RunningSimulator.Member);
        var bot = await cluster.StartBotAsync();

        await bot.EnqueueAsync("none-1", RunningSimulator.Villager, "您的诉求已受理", notice: null);
        await bot.EnqueueAsync("none-2", RunningSimulator.Member, "请评价", notice: "survey");

        var rows = await OutboxRows.SettledAsync(cluster.Database);
        Assert.All(rows, r => Assert.Equal("Undeliverable", r.Status));
        Assert.Equal("no open window and no template configured", rows[0].LastError);
        Assert.Equal("no open window and no template configured (45015)", rows[1].LastError);
        Assert.Equal(0, await cluster.Sim.CallsToAsync(Template));
    }

    [Fact]
    public async Task A_person_without_an_openid_is_undeliverable_and_a_refused_template_fails_with_its_errcode()
    {
        await using var cluster = await Cluster.StartAsync();
        var bot = await cluster.StartBotAsync(s => s["WeChat:Templates:broken"] = "TPL_NOT_OURS");
        await using (var connection = await cluster.Database.Db.OpenAsync())
            await connection.ExecuteAsync("""
                INSERT INTO outbox (idempotency_key, recipient_id, kind, payload, status, next_attempt_at, created_at)
                VALUES ('person-1', 424242, 'task-assigned', '{"text":"新任务","notice":"task-assigned"}', 'Pending', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))
                """);
        await bot.EnqueueAsync("broken-1", RunningSimulator.Member, "新任务", notice: "broken");

        var rows = await OutboxRows.SettledAsync(cluster.Database);
        Assert.Equal("Undeliverable", rows[0].Status);
        Assert.StartsWith("not following", rows[0].LastError);
        Assert.Equal(("Failed", 1), (rows[1].Status, rows[1].Attempts));
        Assert.Contains("40037", rows[1].LastError);
    }

    [Fact]
    public async Task One_recipients_messages_arrive_in_order_even_when_the_first_needs_retries()
    {
        await using var cluster = await Cluster.StartAsync();
        await cluster.Sim.FaultAsync(new { kind = "busy", count = 3, path = "/" + Template });
        var bot = await cluster.StartBotAsync(s => s["Outbox:BatchSize"] = "5");

        for (var i = 1; i <= 6; i++)
            await bot.EnqueueAsync($"order-{i}", RunningSimulator.Member, $"第{i}条");

        var rows = await OutboxRows.SettledAsync(cluster.Database);
        Assert.All(rows, r => Assert.Equal("Sent", r.Status));
        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"第{i}条"), await cluster.Sim.TemplateTextsAsync(RunningSimulator.Member));
    }

    [Fact]
    public async Task Two_dispatchers_on_one_database_send_each_of_twenty_messages_once()
    {
        await using var cluster = await Cluster.StartAsync(TenPersonas);
        // A lease far longer than a send, even on a loaded machine: a lease that runs out mid-send
        // means a second send by design (at least once), which is not what this test is about.
        static void Settings(Dictionary<string, string?> s) => (s["Outbox:BatchSize"], s["Outbox:Lease"]) = ("4", "00:00:30");
        var a = await cluster.StartBotAsync(Settings);
        var b = await cluster.StartBotAsync(Settings);

        for (var i = 0; i < 20; i++)
            await (i % 2 == 0 ? a : b).EnqueueAsync($"pair-{i}", $"oPersona{i % 10:D2}", $"消息{i:D2}");

        var rows = await OutboxRows.SettledAsync(cluster.Database);
        Assert.All(rows, r => Assert.Equal(("Sent", 1), (r.Status, r.Attempts)));
        Assert.Equal(20, await cluster.Sim.CallsToAsync(Template));
        for (var p = 0; p < 10; p++)
            Assert.Equal([$"消息{p:D2}", $"消息{p + 10:D2}"], await cluster.Sim.TemplateTextsAsync($"oPersona{p:D2}"));
    }

    [Fact]
    public async Task Nothing_is_lost_when_a_dispatcher_stops_mid_batch_and_another_takes_over_after_the_lease()
    {
        await using var cluster = await Cluster.StartAsync(TenPersonas);
        await cluster.Sim.FaultAsync(new { kind = "slow", count = 10, delayMs = 5000, path = "/" + Template });
        var first = await cluster.StartBotAsync(s => s["Outbox:Lease"] = "00:00:02");
        for (var i = 0; i < 10; i++)
            await first.EnqueueAsync($"crash-{i}", $"oPersona{i:D2}", $"消息{i:D2}");
        // Every slow fault taken: all ten sends are on the wire, none answered.
        await WaitForAsync(async () => (await cluster.Sim.Http.GetFromJsonAsync<JsonElement[]>("sim/faults"))!.Length == 0);

        await first.StopAsync(TimeSpan.FromMilliseconds(200));
        // A stop may still record a few cancelled sends as retries, and on a loaded machine a send
        // may even be answered before the stop ends; so the set left claimed varies. What matters:
        // sends were cut off mid-flight, those were sent again, and none is lost.
        var cutOff = await InFlightAsync(cluster);
        Assert.InRange(cutOff.Count, 1, 10);
        await cluster.StartBotAsync();

        var rows = await OutboxRows.SettledAsync(cluster.Database);
        Assert.All(rows, r => Assert.Equal("Sent", r.Status));
        Assert.All(rows.Where(r => cutOff.Contains(r.IdempotencyKey)),
            r => Assert.True(r.Attempts >= 2, $"{r.IdempotencyKey} was cut off but not sent again"));
        for (var p = 0; p < 10; p++)
            Assert.Contains($"消息{p:D2}", await cluster.Sim.TemplateTextsAsync($"oPersona{p:D2}"));
    }

    static void TenPersonas(SimulatorOptions o) =>
        o.Personas = Enumerable.Range(0, 10)
            .Select(i => new Persona { Name = $"村民{i:D2}", Role = "村民", OpenId = $"oPersona{i:D2}", MiniProgramOpenId = $"oMpPersona{i:D2}", UnionId = $"uPersona{i:D2}" })
            .ToList();

    // As if the callback had seen a message the simulator never delivered: our forecast and the platform disagree.
    static async Task OpenWindowInOurRecordsAsync(Cluster cluster, string openId)
    {
        await using var connection = await cluster.Database.Db.OpenAsync();
        await connection.ExecuteAsync("""
            INSERT INTO wechat_contact (openid, message_window_until, message_sends_left)
            VALUES (@openId, UTC_TIMESTAMP(6) + INTERVAL 1 DAY, 5)
            """, new { openId });
    }

    static async Task<HashSet<string>> InFlightAsync(Cluster cluster) =>
        [.. await cluster.Database.QueryAsync<string>("SELECT idempotency_key FROM outbox WHERE status = 'Sending'")];

    // Generous, because CI shares two cores; a condition that never holds fails here, not later.
    static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await condition())
                return;
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException("The condition did not hold within 30 s.");
    }
}
