using Bot.Tests.Simulator;
using Bot.WeChat;
using Bot.WeChat.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Outbox;

[Collection(TimingSensitive.Name)]
public sealed class SharingAccessTokens
{
    static async Task<WeChatResult> AskAboutAsync(BotInstance bot, string openId)
    {
        var api = bot.Services.GetRequiredService<WeChatApiClient>();
        var app = bot.Services.GetRequiredService<IOptions<WeChatOptions>>().Value.OfficialAccount;
        return await bot.Tokens.CallAsync(app, async (token, ct) => await api.GetUserInfoAsync(token, openId, ct), CancellationToken.None);
    }

    [Fact]
    public async Task Two_instances_on_one_database_fetch_one_token_between_them()
    {
        await using var cluster = await Cluster.StartAsync();
        var a = await cluster.StartBotAsync(dispatch: false);
        var b = await cluster.StartBotAsync(dispatch: false);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => AskAboutAsync(i % 2 == 0 ? a : b, RunningSimulator.Villager)));

        Assert.All(results, r => Assert.True(r.IsOk, $"{r.ErrorCode} {r.ErrorMessage}"));
        Assert.Equal(1, await cluster.Sim.CallsToAsync("cgi-bin/stable_token"));
        Assert.Equal(0, await cluster.Sim.CallsToAsync("cgi-bin/token"));
        Assert.Equal(1, await cluster.Database.ScalarAsync<long>("SELECT COUNT(*) FROM access_token"));
    }

    [Fact]
    public async Task A_refused_token_is_refreshed_once_for_all_instances_and_each_call_retried_once()
    {
        await using var cluster = await Cluster.StartAsync();
        var a = await cluster.StartBotAsync(dispatch: false);
        var b = await cluster.StartBotAsync(dispatch: false);
        Assert.True((await AskAboutAsync(a, RunningSimulator.Villager)).IsOk);

        await cluster.Sim.Http.PostAsync("sim/tokens/invalidate", null);
        var after = await Task.WhenAll(AskAboutAsync(a, RunningSimulator.Villager), AskAboutAsync(b, RunningSimulator.Member));

        Assert.All(after, r => Assert.True(r.IsOk, $"{r.ErrorCode} {r.ErrorMessage}"));
        var calls = await cluster.Sim.CallsAsync();
        Assert.Equal(2, calls.Count(c => c.GetProperty("path").GetString() == "/cgi-bin/stable_token"));
        var userInfo = calls.Where(c => c.GetProperty("path").GetString() == "/cgi-bin/user/info").ToList();
        // Each call is refused at most once; the later of the two may already find the new token.
        Assert.InRange(userInfo.Count(c => c.ErrorCode() == 40001), 1, 2);
        Assert.Equal(3, userInfo.Count(c => c.ErrorCode() is null or 0));
    }

    [Fact]
    public async Task A_short_lived_token_is_replaced_before_it_expires()
    {
        await using var cluster = await Cluster.StartAsync(o => o.TokenLifetime = TimeSpan.FromSeconds(4));
        var a = await cluster.StartBotAsync(dispatch: false);
        var b = await cluster.StartBotAsync(dispatch: false);

        for (var i = 0; i < 12; i++)
        {
            Assert.True((await AskAboutAsync(i % 2 == 0 ? a : b, RunningSimulator.Villager)).IsOk);
            await Task.Delay(500);
        }

        var calls = await cluster.Sim.CallsAsync();
        Assert.DoesNotContain(calls, c => c.ErrorCode() is 40001 or 42001);
        // 6 s of calls at a 4 s lifetime, replaced a second early: two or three fetches, never one per call.
        Assert.InRange(calls.Count(c => c.GetProperty("path").GetString() == "/cgi-bin/stable_token"), 2, 3);
    }

    [Fact]
    public async Task The_mini_program_keeps_a_token_of_its_own()
    {
        await using var cluster = await Cluster.StartAsync();
        var bot = await cluster.StartBotAsync(dispatch: false);
        var options = bot.Services.GetRequiredService<IOptions<WeChatOptions>>().Value;

        var oa = await bot.Tokens.GetAsync(options.OfficialAccount, CancellationToken.None);
        var mp = await bot.Tokens.GetAsync(options.MiniProgram!, CancellationToken.None);

        Assert.True(oa.IsOk && mp.IsOk);
        Assert.NotEqual(oa.Value, mp.Value);
        Assert.Equal(2, await cluster.Database.ScalarAsync<long>("SELECT COUNT(*) FROM access_token"));
    }
}
