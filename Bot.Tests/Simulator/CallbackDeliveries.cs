using System.Text.Json;
using Bot.Simulator;
using Bot.WeChat.Callback;
using Bot.WeChat.Inbound;

namespace Bot.Tests.Simulator;

public sealed class CallbackDeliveries
{
    // The platform's own 5 s deadline, so a cold start on a loaded machine is not taken for a slow
    // bot; the tests about retries shorten it.
    static Action<SimulatorOptions> Delivering(FakeBot bot, CallbackMode mode = CallbackMode.Safe, int replyTimeoutMs = 5000) => o =>
    {
        o.BotCallbackUrl = bot.CallbackUrl;
        o.Mode = mode;
        o.ReplyTimeout = TimeSpan.FromMilliseconds(replyTimeoutMs);
    };

    const int ShortDeadlineMs = 400;

    static string Outcome(JsonElement report) => report.GetProperty("outcome").GetString()!;

    static async Task<JsonElement> OnlyReplyAsync(RunningSimulator sim) =>
        Assert.Single(await sim.ReceivedAsync(RunningSimulator.Villager));

    [Fact]
    public async Task An_encrypted_reply_to_a_safe_mode_message_is_shown_in_the_chat()
    {
        await using var bot = await FakeBot.StartAsync((opened, envelope, _) =>
            Task.FromResult(envelope.Seal(PassiveReply.Text(opened.Message, "已收到，编号 D-0001\r\n联户党员会联系您", DateTimeOffset.UtcNow), opened)));
        await using var sim = await RunningSimulator.StartAsync(Delivering(bot));

        var report = await sim.SendAsync(RunningSimulator.Villager, new { type = "text", content = "村口路灯坏了" });

        Assert.Equal("shown", Outcome(report));
        var (query, body) = Assert.Single(bot.Deliveries);
        Assert.Contains("encrypt_type=aes", query);
        Assert.Contains("openid=oDemoVillager0001", query);
        Assert.DoesNotContain("村口", body);
        var opened = Assert.Single(bot.Opened);
        Assert.Equal("村口路灯坏了", Assert.IsType<TextMessage>(opened.Message).Content);
        Assert.Equal(report.GetProperty("msgId").GetInt64(), opened.Message.MsgId);
        var reply = await OnlyReplyAsync(sim);
        Assert.Equal(("passive", "已收到，编号 D-0001\n联户党员会联系您"), (reply.GetProperty("channel").GetString(), reply.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task A_slow_answer_is_retried_with_the_same_body_and_the_late_reply_counts()
    {
        await using var bot = await FakeBot.StartAsync(async (opened, envelope, attempt) =>
        {
            if (attempt == 1)
                await Task.Delay(1500);
            return envelope.Seal(PassiveReply.Text(opened.Message, $"第 {attempt} 次", DateTimeOffset.UtcNow), opened);
        });
        await using var sim = await RunningSimulator.StartAsync(Delivering(bot, replyTimeoutMs: ShortDeadlineMs));

        var report = await sim.SendAsync(RunningSimulator.Villager, new { type = "click", key = "REPORT" });

        Assert.Equal("shown", Outcome(report));
        Assert.StartsWith("timeout", report.GetProperty("attempts")[0].GetString());
        Assert.Equal(2, bot.Deliveries.Count);
        Assert.Single(bot.Deliveries.Distinct());
        Assert.Equal(bot.Opened.First().Message.DedupKey, bot.Opened.Last().Message.DedupKey);
        Assert.Equal("第 2 次", (await OnlyReplyAsync(sim)).GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_bot_that_never_answers_in_time_gets_four_attempts_and_the_user_a_notice()
    {
        await using var bot = await FakeBot.StartAsync(async (_, _, _) => { await Task.Delay(1500); return PassiveReply.Success; });
        await using var sim = await RunningSimulator.StartAsync(Delivering(bot, replyTimeoutMs: ShortDeadlineMs));

        var report = await sim.SendAsync(RunningSimulator.Villager, new { type = "text", content = "在吗" });

        Assert.Equal("notice", Outcome(report));
        Assert.Equal(4, report.GetProperty("attempts").GetArrayLength());
        Assert.Equal("该公众号暂时无法提供服务，请稍后再试", (await OnlyReplyAsync(sim)).GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("{\"reply\":\"json is not a reply\"}")]
    [InlineData("<xml><ToUserName>broken")]
    [InlineData("plain")]
    public async Task A_broken_reply_shows_the_platform_notice(string answer)
    {
        await using var bot = await FakeBot.StartAsync((_, _, _) => Task.FromResult(answer));
        await using var sim = await RunningSimulator.StartAsync(Delivering(bot));

        var report = await sim.SendAsync(RunningSimulator.Villager, new { type = "text", content = "你好" });

        Assert.Equal("notice", Outcome(report));
        Assert.Single(bot.Deliveries); // an invalid answer is still an answer: no retry
        Assert.Equal("notice", (await OnlyReplyAsync(sim)).GetProperty("channel").GetString());
    }

    [Fact]
    public async Task An_encrypted_reply_with_a_wrong_signature_or_a_plaintext_reply_in_safe_mode_shows_the_notice()
    {
        await using var bot = await FakeBot.StartAsync((opened, envelope, _) =>
        {
            var reply = PassiveReply.Text(opened.Message, "你好", DateTimeOffset.UtcNow);
            var text = ((TextMessage)opened.Message).Content;
            return Task.FromResult(text == "forged"
                ? envelope.Seal(reply, opened).Replace("<MsgSignature><![CDATA[", "<MsgSignature><![CDATA[0")
                : reply);
        });
        await using var sim = await RunningSimulator.StartAsync(Delivering(bot));

        var forged = await sim.SendAsync(RunningSimulator.Villager, new { type = "text", content = "forged" });
        var plain = await sim.SendAsync(RunningSimulator.Villager, new { type = "text", content = "plain" });

        Assert.Equal(("notice", "notice"), (Outcome(forged), Outcome(plain)));
        Assert.Contains("MsgSignature", forged.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Success_and_an_empty_body_are_accepted_silently()
    {
        await using var bot = await FakeBot.StartAsync((opened, _, _) =>
            Task.FromResult(((TextMessage)opened.Message).Content == "a" ? PassiveReply.Success : ""));
        await using var sim = await RunningSimulator.StartAsync(Delivering(bot));

        var success = await sim.SendAsync(RunningSimulator.Villager, new { type = "text", content = "a" });
        var empty = await sim.SendAsync(RunningSimulator.Villager, new { type = "text", content = "b" });

        Assert.Equal(("silent", "silent"), (Outcome(success), Outcome(empty)));
        Assert.Empty(await sim.ReceivedAsync(RunningSimulator.Villager));
    }

    [Fact]
    public async Task In_plaintext_mode_a_news_reply_to_a_message_shows_one_article_and_to_an_event_several()
    {
        // Written by hand: PassiveReply.News would already leave out what the platform drops.
        static string ThreeArticles(InboundMessage to) =>
            $"<xml><ToUserName><![CDATA[{to.FromUserName}]]></ToUserName><FromUserName><![CDATA[{to.ToUserName}]]></FromUserName>" +
            "<CreateTime>1700000001</CreateTime><MsgType><![CDATA[news]]></MsgType><ArticleCount>3</ArticleCount><Articles>" +
            string.Concat(Enumerable.Range(1, 3).Select(i => $"<item><Title>诉求 {i}</Title><Description>点击查看</Description><PicUrl></PicUrl><Url>https://bot.example.cn/d/{i}</Url></item>")) +
            "</Articles></xml>";
        await using var bot = await FakeBot.StartAsync((opened, _, _) => Task.FromResult(ThreeArticles(opened.Message)));
        await using var sim = await RunningSimulator.StartAsync(Delivering(bot, CallbackMode.Plaintext));

        await sim.SendAsync(RunningSimulator.Villager, new { type = "location", latitude = 35.09, longitude = 112.6, label = "村口大槐树" });
        await sim.SendAsync(RunningSimulator.Villager, new { type = "click", key = "MY_DEMANDS" });

        Assert.DoesNotContain("<Encrypt>", bot.Deliveries.First().Body);
        var shown = await sim.ReceivedAsync(RunningSimulator.Villager);
        Assert.Equal([1, 3], shown.Select(e => e.GetProperty("cards").GetArrayLength()));
        var location = Assert.IsType<LocationMessage>(bot.Opened.First().Message);
        Assert.Equal("村口大槐树", location.Label);
    }

    [Fact]
    public async Task A_follow_through_a_qr_code_delivers_the_scene_and_compatible_mode_carries_both_copies()
    {
        await using var bot = await FakeBot.StartAsync((_, _, _) => Task.FromResult(PassiveReply.Success));
        await using var sim = await RunningSimulator.StartAsync(Delivering(bot, CallbackMode.Compatible));

        await sim.SendAsync(RunningSimulator.Member, new { type = "unsubscribe" });
        await sim.SendAsync(RunningSimulator.Member, new { type = "subscribe", key = "village_0421" });

        var follow = Assert.IsType<SubscribeEvent>(bot.Opened.Last().Message);
        Assert.Equal("village_0421", follow.SceneKey);
        Assert.Contains("<Encrypt>", bot.Deliveries.Last().Body);
        Assert.Contains("qrscene_village_0421", bot.Deliveries.Last().Body);
    }

    [Fact]
    public async Task The_url_check_passes_when_the_bot_echoes_the_echostr()
    {
        await using var bot = await FakeBot.StartAsync((_, _, _) => Task.FromResult(PassiveReply.Success));
        await using var sim = await RunningSimulator.StartAsync(Delivering(bot));

        var check = await (await sim.Http.PostAsync("sim/verify-url", null)).Content.ReadAsStringAsync();

        Assert.Contains("\"passed\":true", check);
    }
}
