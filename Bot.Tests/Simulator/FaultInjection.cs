using Bot.WeChat.Api;

namespace Bot.Tests.Simulator;

public sealed class FaultInjection
{
    [Fact]
    public async Task Planned_faults_hit_the_next_calls_then_stop()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var token = await sim.OaTokenAsync();
        await sim.FaultAsync(new { kind = "busy", count = 1 });
        await sim.FaultAsync(new { kind = "http500", count = 1 });
        await sim.FaultAsync(new { kind = "daily-limit", count = 1 });

        var busy = await sim.Api.GetUserInfoAsync(token, RunningSimulator.Villager);
        var http500 = await sim.Api.GetUserInfoAsync(token, RunningSimulator.Villager);
        var quota = await sim.Api.GetUserInfoAsync(token, RunningSimulator.Villager);
        var fine = await sim.Api.GetUserInfoAsync(token, RunningSimulator.Villager);

        Assert.Equal((-1, WeChatErrorKind.Transient), (busy.ErrorCode, busy.Kind));
        Assert.Equal((null, WeChatErrorKind.Transient), (http500.ErrorCode, http500.Kind));
        Assert.Equal((45009, WeChatErrorKind.DailyLimitReached), (quota.ErrorCode, quota.Kind));
        Assert.True(fine.IsOk);
        var calls = await sim.CallsAsync();
        Assert.Equal([0, -1, 0, 45009, 0], calls.Select(c => c.GetProperty("errorCode").ValueKind == System.Text.Json.JsonValueKind.Null ? 0 : c.GetProperty("errorCode").GetInt32()));
        Assert.Equal(500, calls[2].GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_fault_for_one_path_leaves_other_apis_alone()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var token = await sim.OaTokenAsync();
        await sim.FaultAsync(new { kind = "error-code", errorCode = 45011, count = 2, path = "/cgi-bin/message/custom/send" });

        var other = await sim.Api.GetUserInfoAsync(token, RunningSimulator.Villager);
        var limited = await sim.Api.SendCustomMessageAsync(token, CustomMessage.Text(RunningSimulator.Villager, "你好"));

        Assert.True(other.IsOk);
        Assert.Equal((45011, WeChatErrorKind.Transient), (limited.ErrorCode, limited.Kind));
    }

    [Fact]
    public async Task A_slow_answer_past_the_clients_timeout_is_transient()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var token = await sim.OaTokenAsync();
        await sim.FaultAsync(new { kind = "slow", delayMs = 2000, count = 1 });
        var impatient = new WeChatApiClient(new HttpClient { BaseAddress = sim.Http.BaseAddress, Timeout = TimeSpan.FromMilliseconds(300) });

        var result = await impatient.GetUserInfoAsync(token, RunningSimulator.Villager);

        Assert.Equal((null, WeChatErrorKind.Transient), (result.ErrorCode, result.Kind));
    }

    [Fact]
    public async Task Invalidating_tokens_makes_every_call_answer_40001()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var token = await sim.OaTokenAsync();

        (await sim.Http.PostAsync("sim/tokens/invalidate", null)).EnsureSuccessStatusCode();
        var result = await sim.Api.GetUserInfoAsync(token, RunningSimulator.Villager);

        Assert.Equal((40001, WeChatErrorKind.TokenInvalid), (result.ErrorCode, result.Kind));
        Assert.True((await sim.Api.GetUserInfoAsync(await sim.OaTokenAsync(), RunningSimulator.Villager)).IsOk);
    }
}
