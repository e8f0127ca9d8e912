using Bot.Tests.WeChat;

namespace Bot.Tests.Conversation;

// Greetings, thanks, emoji and questions about a demand already raised must never open a demand.
public sealed class NotADemand(BotApp app) : IClassFixture<BotApp>
{
    public static readonly TheoryData<string> Messages =
    [
        "你好", "您好", "你好啊", "您好！", "在吗", "在吗？", "在不在", "有人吗", "早上好", "晚上好", "下午好", "早", "哈喽", "嗨",
        "hi", "Hello", "hey!", "good morning", "谢谢", "谢谢你们把路灯修好了", "谢谢书记", "感谢党员同志", "多谢多谢", "辛苦了",
        "辛苦了！", "太好了", "好的", "好", "收到", "知道了", "明白了", "OK", "ok的", "thanks", "Thank you so much", "thx",
        "👍", "🙏🙏", "😊😊😊", "👌", "。。。", "……", "？？", "!!!", "   ", "我的事咋样了", "上次说的水管修了没",
        "路灯的事有消息没", "啥时候来修啊", "处理得怎么样了", "any update on my report?", "what's the status of my water problem",
        "麻烦你们了", "谢谢你们来得这么快",
    ];

    [Theory]
    [MemberData(nameof(Messages))]
    public async Task Is_answered_without_opening_a_demand(string text)
    {
        var before = await app.Database.ScalarAsync<int>("SELECT COUNT(*) FROM demand");

        var response = await app.CreateClient().SendAsync(SignedDelivery.Post(
            SignedDelivery.Text("oChatty", text, 24_100_000_000_000_000 + Random.Shared.Next())));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<Content>", body);
        Assert.Equal(before, await app.Database.ScalarAsync<int>("SELECT COUNT(*) FROM demand"));
    }

    [Fact]
    public void The_list_holds_at_least_fifty_messages() => Assert.True(Messages.Count >= 50);
}
