using Bot.WeChat.Api;

namespace Bot.Tests.Simulator;

public sealed class AccessTokens
{
    [Fact]
    public async Task A_new_classic_token_leaves_the_old_one_five_minutes_then_40001()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var first = await sim.OaTokenAsync();
        var second = await sim.OaTokenAsync();

        Assert.NotEqual(first, second);
        Assert.True((await sim.Api.GetUserInfoAsync(first, RunningSimulator.Villager)).IsOk);
        await sim.AdvanceAsync(TimeSpan.FromMinutes(6));

        var stale = await sim.Api.GetUserInfoAsync(first, RunningSimulator.Villager);
        Assert.Equal((40001, WeChatErrorKind.TokenInvalid), (stale.ErrorCode, stale.Kind));
        Assert.True((await sim.Api.GetUserInfoAsync(second, RunningSimulator.Villager)).IsOk);
    }

    [Fact]
    public async Task Missing_garbage_and_expired_tokens_get_their_own_codes()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var token = await sim.OaTokenAsync();

        Assert.Equal(41001, (await sim.Api.GetUserInfoAsync("", RunningSimulator.Villager)).ErrorCode);
        Assert.Equal(40014, (await sim.Api.GetUserInfoAsync("not-a-token", RunningSimulator.Villager)).ErrorCode);
        await sim.AdvanceAsync(TimeSpan.FromSeconds(7201));
        var expired = await sim.Api.GetUserInfoAsync(token, RunningSimulator.Villager);
        Assert.Equal((42001, WeChatErrorKind.TokenInvalid), (expired.ErrorCode, expired.Kind));
    }

    [Fact]
    public async Task A_stable_token_repeats_until_forced_and_forcing_kills_the_old_one()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var o = sim.Options;
        var first = (await sim.Api.GetStableTokenAsync(o.AppId, o.AppSecret)).Value!;
        var again = (await sim.Api.GetStableTokenAsync(o.AppId, o.AppSecret)).Value!;
        var forced = (await sim.Api.GetStableTokenAsync(o.AppId, o.AppSecret, forceRefresh: true)).Value!;

        Assert.Equal(first.Token, again.Token);
        Assert.NotEqual(first.Token, forced.Token);
        Assert.Equal(40001, (await sim.Api.GetUserInfoAsync(first.Token, RunningSimulator.Villager)).ErrorCode);

        await sim.AdvanceAsync(TimeSpan.FromSeconds(7200 - 200));
        var nearEnd = (await sim.Api.GetStableTokenAsync(o.AppId, o.AppSecret)).Value!;
        Assert.NotEqual(forced.Token, nearEnd.Token);
        Assert.True(nearEnd.ExpiresIn > TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task The_daily_classic_quota_ends_in_45009_and_a_wrong_secret_is_permanent()
    {
        await using var sim = await RunningSimulator.StartAsync(o => o.TokenDailyLimit = 2);
        await sim.OaTokenAsync();
        await sim.OaTokenAsync();

        var third = await sim.Api.GetTokenAsync(sim.Options.AppId, sim.Options.AppSecret);
        var wrongSecret = await sim.Api.GetTokenAsync(sim.Options.AppId, "nope");

        Assert.Equal((45009, WeChatErrorKind.DailyLimitReached), (third.ErrorCode, third.Kind));
        Assert.Equal((40125, WeChatErrorKind.Permanent), (wrongSecret.ErrorCode, wrongSecret.Kind));
    }

    [Fact]
    public async Task Every_error_is_http_200_with_a_changing_request_id()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var one = await sim.Http.GetAsync("cgi-bin/user/info?openid=x");
        var two = await sim.Http.GetAsync("cgi-bin/user/info?openid=x");

        Assert.Equal(System.Net.HttpStatusCode.OK, one.StatusCode);
        var (a, b) = (await one.Content.ReadAsStringAsync(), await two.Content.ReadAsStringAsync());
        Assert.Contains("\"errcode\":41001", a);
        Assert.Contains("rid: ", a);
        Assert.NotEqual(a, b);
    }
}
