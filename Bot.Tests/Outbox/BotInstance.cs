using Bot.Domain.Outbox;
using Bot.Hosting;
using Bot.Outbox;
using Bot.Tests.Simulator;
using Bot.WeChat;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Outbox;

// One bot instance without its web side: the same AddDatabase/AddWeChat/AddOutbox wiring as Program.cs, on a
// shared test database, talking to the simulator. Several of these play a cluster.
public sealed class BotInstance : IAsyncDisposable
{
    readonly IHost host;

    BotInstance(IHost host) => this.host = host;

    public IServiceProvider Services => host.Services;
    public AccessTokenStore Tokens => Services.GetRequiredService<AccessTokenStore>();
    public OutboxDispatcher Dispatcher => Services.GetServices<IHostedService>().OfType<OutboxDispatcher>().Single();

    public static Dictionary<string, string?> Settings(TestDatabase database, RunningSimulator sim) => new()
    {
        ["Database:ConnectionString"] = database.ConnectionString,
        ["WeChat:Token"] = sim.Options.Token,
        ["WeChat:EncodingAESKey"] = sim.Options.EncodingAESKey,
        ["WeChat:AppId"] = sim.Options.AppId,
        ["WeChat:AppSecret"] = sim.Options.AppSecret,
        ["WeChat:MiniProgramAppId"] = sim.Options.MiniProgramAppId,
        ["WeChat:MiniProgramSecret"] = sim.Options.MiniProgramSecret,
        ["WeChat:ApiBaseUrl"] = sim.Http.BaseAddress!.ToString().TrimEnd('/'),
        ["WeChat:Templates:task-assigned"] = "TPL_TASK_ASSIGNED",
        ["Outbox:PollInterval"] = "00:00:00.050",
        ["Outbox:Lease"] = "00:00:03",
        ["Outbox:InCallRetries"] = "0",
        ["Outbox:RetryDelay"] = "00:00:00.100",
        ["Outbox:MaxRetryDelay"] = "00:00:00.500",
    };

    // dispatch: false: the dispatcher is registered but not started (token tests, manual batches).
    public static async Task<BotInstance> StartAsync(TestDatabase database, RunningSimulator sim,
        Action<Dictionary<string, string?>>? adjust = null, bool dispatch = true)
    {
        var settings = Settings(database, sim);
        adjust?.Invoke(settings);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging(l => l.AddConsole().SetMinimumLevel(LogLevel.Warning));
        builder.Services.AddDatabase();
        builder.Services.AddWeChat();
        builder.Services.AddOutbox();
        if (!dispatch)
            builder.Services.RemoveAll<IHostedService>();
        var host = builder.Build();
        await host.StartAsync();
        return new BotInstance(host);
    }

    public Task EnqueueAsync(string key, string openId, string text, string? notice = "task-assigned") =>
        Services.GetRequiredService<OutboxStore>().EnqueueAsync(
            new OutboxMessage(key, null, openId, "test", new OutboxPayload(text, Notice: notice).ToJson()));

    public async Task StopAsync(TimeSpan? grace = null)
    {
        using var cts = new CancellationTokenSource(grace ?? TimeSpan.FromSeconds(5));
        await host.StopAsync(cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        host.Dispose();
    }
}
