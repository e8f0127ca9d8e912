using System.Net;
using System.Text;
using Bot.Tests.Simulator;

namespace Bot.Tests.WeChat;

// The bot's callback driven directly with signed plaintext deliveries: the protocol's edges.
public sealed class TheCallback(BotApp app) : IClassFixture<BotApp>
{
    static long nextMsgId = 24_000_000_000_000_100;
    static long MsgId() => Interlocked.Increment(ref nextMsgId);

    async Task<int> InboundCountAsync() => await app.Database.ScalarAsync<int>("SELECT COUNT(*) FROM inbound_message");

    [Fact]
    public async Task Answers_the_url_check_with_exactly_the_echostr_and_refuses_a_forged_one()
    {
        var client = app.CreateClient();
        const string timestamp = "1714036504", nonce = "1514711492";
        var signature = Bot.WeChat.Crypto.WeChatSignature.ForUrl(Vectors.Token, timestamp, nonce);

        var genuine = await client.GetAsync($"/wechat?signature={signature}&timestamp={timestamp}&nonce={nonce}&echostr=8812345");
        var forged = await client.GetAsync($"/wechat?signature={new string('0', 40)}&timestamp={timestamp}&nonce={nonce}&echostr=8812345");

        Assert.Equal("8812345", await genuine.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task A_wrong_signature_gets_401_and_changes_nothing()
    {
        var before = await InboundCountAsync();
        var request = SignedDelivery.Post(SignedDelivery.Text("oForger", "假消息", MsgId()), token: "notTheToken");

        var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await InboundCountAsync());
    }

    [Fact]
    public async Task A_body_over_64_KiB_gets_413()
    {
        var response = await app.CreateClient().SendAsync(SignedDelivery.Post(SignedDelivery.Text("oBig", new string('水', 30_000), MsgId())));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("<xml><ToUserName>gh</ToUserName>")]
    [InlineData("<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><ToUserName>&x;</ToUserName></xml>")]
    public async Task Malformed_xml_and_external_entities_are_refused_with_400(string body)
    {
        var response = await app.CreateClient().SendAsync(SignedDelivery.Post(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_message_type_is_answered_success_and_recorded()
    {
        var xml = $"<xml><ToUserName>gh_0a1b2c3d4e5f</ToUserName><FromUserName>oOdd</FromUserName><CreateTime>1700000000</CreateTime>" +
                  $"<MsgType>hologram</MsgType><MsgId>{MsgId()}</MsgId></xml>";

        var response = await app.CreateClient().SendAsync(SignedDelivery.Post(xml));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("success", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.Database.ScalarAsync<int>("SELECT COUNT(*) FROM inbound_message WHERE msg_type = 'hologram'"));
    }

    [Fact]
    public async Task Three_concurrent_retries_of_one_message_make_one_demand_and_one_reply()
    {
        var xml = SignedDelivery.Text("oRetryVillager", "后山那条路塌了一截，车过不去", MsgId());
        var client = app.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.SendAsync(SignedDelivery.Post(xml))));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, await app.Database.ScalarAsync<int>(
            "SELECT COUNT(*) FROM demand d JOIN wechat_identity w ON w.person_id = d.villager_id WHERE w.oa_openid = 'oRetryVillager'"));
        var replies = bodies.Where(b => b != "success").Distinct().ToList();
        Assert.Single(replies);
        Assert.Contains("已收到您的诉求", replies[0]);
    }
}

// A bot whose reply budget is already spent: every answer must go out through the outbox.
public sealed class SlowBot : BotApp
{
    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["WeChat:ReplyBudget"] = "00:00:00.001";
        return settings;
    }
}

public sealed class TheFiveSecondRule(SlowBot app) : IClassFixture<SlowBot>
{
    [Fact]
    public async Task Handling_past_the_budget_answers_success_and_sends_the_reply_through_the_outbox()
    {
        var response = await app.CreateClient().SendAsync(SignedDelivery.Post(SignedDelivery.Text("oSlowVillager", "村口的水管爆了，水流了一地", 24_000_000_000_009_001)));

        Assert.Equal("success", await response.Content.ReadAsStringAsync());
        string payload = "";
        for (var i = 0; i < 50 && payload.Length == 0; i++)
        {
            await Task.Delay(100);
            payload = (await app.Database.QueryAsync<string>(
                "SELECT payload FROM outbox WHERE idempotency_key = 'reply:msg:24000000000009001'")).SingleOrDefault() ?? "";
        }
        Assert.Contains("已收到您的诉求", payload);
        Assert.Equal("oSlowVillager", await app.Database.ScalarAsync<string>(
            "SELECT recipient_openid FROM outbox WHERE idempotency_key = 'reply:msg:24000000000009001'"));
    }
}
