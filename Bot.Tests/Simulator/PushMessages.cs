using System.Text.Json;
using Bot.WeChat.Api;
using Bot.WeChat.Callback;
using Bot.WeChat.Inbound;

namespace Bot.Tests.Simulator;

public sealed class PushMessages
{
    static Task<FakeBot> SilentBotAsync() => FakeBot.StartAsync((_, _, _) => Task.FromResult(PassiveReply.Success));

    [Fact]
    public async Task A_user_message_opens_five_custom_messages_for_48_hours()
    {
        await using var bot = await SilentBotAsync();
        await using var sim = await RunningSimulator.StartAsync(o => o.BotCallbackUrl = bot.CallbackUrl);
        var token = await sim.OaTokenAsync();
        var hello = CustomMessage.Text(RunningSimulator.Villager, "您的诉求已由李建国接单。");

        var before = await sim.Api.SendCustomMessageAsync(token, hello);
        await sim.SendAsync(RunningSimulator.Villager, new { type = "text", content = "村口路灯坏了" });
        var sent = new List<WeChatResult>();
        for (var i = 0; i < 6; i++)
            sent.Add(await sim.Api.SendCustomMessageAsync(token, hello));

        Assert.Equal((45015, WeChatErrorKind.OutsideWindow), (before.ErrorCode, before.Kind));
        Assert.All(sent.Take(5), r => Assert.True(r.IsOk));
        Assert.Equal((45047, WeChatErrorKind.QuotaExhausted), (sent[5].ErrorCode, sent[5].Kind));
        Assert.Equal(5, (await sim.ReceivedAsync(RunningSimulator.Villager)).Count(e => e.GetProperty("channel").GetString() == "custom"));

        await sim.SendAsync(RunningSimulator.Villager, new { type = "text", content = "还有一件事" });
        await sim.AdvanceAsync(TimeSpan.FromHours(49));
        var token2 = await sim.OaTokenAsync();
        Assert.Equal(45015, (await sim.Api.SendCustomMessageAsync(token2, hello)).ErrorCode);
    }

    [Fact]
    public async Task A_menu_click_opens_three_messages_for_one_minute()
    {
        await using var bot = await SilentBotAsync();
        await using var sim = await RunningSimulator.StartAsync(o => o.BotCallbackUrl = bot.CallbackUrl);
        var token = await sim.OaTokenAsync();
        var card = CustomMessage.MiniProgramPage(RunningSimulator.Villager, "查看诉求进度", sim.Options.MiniProgramAppId, "pages/demand/detail?id=1", "THUMB");

        await sim.SendAsync(RunningSimulator.Villager, new { type = "click", key = "MY_DEMANDS" });
        var results = new List<WeChatResult>();
        for (var i = 0; i < 4; i++)
            results.Add(await sim.Api.SendCustomMessageAsync(token, card));
        await sim.SendAsync(RunningSimulator.Villager, new { type = "click", key = "HELP" });
        await sim.AdvanceAsync(TimeSpan.FromSeconds(61));
        var late = await sim.Api.SendCustomMessageAsync(token, card);

        Assert.Equal([0, 0, 0, 45047], results.Select(r => r.ErrorCode!.Value));
        Assert.Equal(45015, late.ErrorCode);
    }

    [Fact]
    public async Task A_template_send_returns_a_msgid_shows_a_card_and_pushes_its_report()
    {
        await using var bot = await SilentBotAsync();
        await using var sim = await RunningSimulator.StartAsync(o => o.BotCallbackUrl = bot.CallbackUrl);
        var token = await sim.OaTokenAsync();
        var data = new Dictionary<string, string> { ["thing1"] = "村口路灯损坏", ["time2"] = "2024年05月01日 14:30", ["phrase3"] = "待处理" };

        var sent = await sim.Api.SendTemplateMessageAsync(token, new TemplateMessage(RunningSimulator.Villager, "TPL_DEMAND_ASSIGNED", data, Url: "https://bot.example.cn/d/1"));

        Assert.True(sent.IsOk);
        var report = await EventuallyAsync(() => bot.Opened.Select(o => o.Message).OfType<TemplateSendJobFinishEvent>().FirstOrDefault());
        Assert.Equal(sent.Value, report.MsgId);
        Assert.True(report.IsDelivered);
        var card = Assert.Single(await sim.ReceivedAsync(RunningSimulator.Villager));
        Assert.Equal(("template", "诉求受理通知"), (card.GetProperty("channel").GetString(), card.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Unknown_templates_and_invalid_data_are_refused_with_the_field_named()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var token = await sim.OaTokenAsync();

        var unknown = await sim.Api.SendTemplateMessageAsync(token, new TemplateMessage(RunningSimulator.Villager, "NO_SUCH", new Dictionary<string, string>()));
        var tooLong = await sim.Api.SendTemplateMessageAsync(token, new TemplateMessage(RunningSimulator.Villager, "TPL_DEMAND_DONE",
            new Dictionary<string, string> { ["thing1"] = "路灯", ["phrase3"] = "已经全部办结" }));

        Assert.Equal((40037, WeChatErrorKind.Permanent), (unknown.ErrorCode, unknown.Kind));
        Assert.Equal(47003, tooLong.ErrorCode);
        Assert.Contains("data.phrase3.value", tooLong.ErrorMessage);
    }

    [Fact]
    public async Task A_subscribe_message_spends_one_credit_per_consent()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var token = await sim.MpTokenAsync();
        var message = new SubscribeMessage(RunningSimulator.VillagerMp, "SUB_DEMAND_DONE",
            new Dictionary<string, string> { ["character_string1"] = "D-0001", ["thing2"] = "村口路灯损坏", ["phrase3"] = "已办结" },
            Page: "pages/demand/detail?id=1");

        var before = await sim.Api.SendSubscribeMessageAsync(token, message);
        await sim.ConsentAsync(RunningSimulator.Villager, "SUB_DEMAND_DONE");
        var spent = await sim.Api.SendSubscribeMessageAsync(token, message);
        var after = await sim.Api.SendSubscribeMessageAsync(token, message);
        var withOaToken = await sim.Api.SendSubscribeMessageAsync(await sim.OaTokenAsync(), message);
        var badData = await sim.Api.SendSubscribeMessageAsync(token, message with { Data = new Dictionary<string, string> { ["thing2"] = new string('长', 21) } });

        Assert.Equal((43101, WeChatErrorKind.NoSubscription), (before.ErrorCode, before.Kind));
        Assert.True(spent.IsOk);
        Assert.Equal(43101, after.ErrorCode);
        Assert.Equal(48001, withOaToken.ErrorCode);
        Assert.Equal(47003, badData.ErrorCode);
        var shown = Assert.Single(await sim.ReceivedAsync(RunningSimulator.Villager));
        Assert.Equal("subscribe", shown.GetProperty("channel").GetString());
    }

    static async Task<T> EventuallyAsync<T>(Func<T?> probe) where T : class
    {
        for (var i = 0; i < 100; i++)
        {
            if (probe() is { } found)
                return found;
            await Task.Delay(50);
        }
        throw new TimeoutException("Nothing arrived within 5 s.");
    }
}
