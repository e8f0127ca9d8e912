using System.Net.Http.Json;
using System.Text.Json;
using Bot.Simulator;
using Bot.WeChat.Api;
using Microsoft.AspNetCore.Builder;

namespace Bot.Tests.Simulator;

// The simulator on a real loopback port, with the calls tests make through its test API.
public sealed class RunningSimulator : IAsyncDisposable
{
    public const string Villager = "oDemoVillager0001";
    public const string VillagerMp = "oMpDemoVillager0001";
    public const string Member = "oDemoMember0001";

    readonly WebApplication app;

    RunningSimulator(WebApplication app, SimulatorOptions options)
    {
        this.app = app;
        Options = options;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First() + "/") };
        Api = new WeChatApiClient(new HttpClient { BaseAddress = Http.BaseAddress });
    }

    public SimulatorOptions Options { get; }
    public HttpClient Http { get; }
    public WeChatApiClient Api { get; }

    public static async Task<RunningSimulator> StartAsync(Action<SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions();
        configure?.Invoke(options);
        var app = SimulatorHost.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"], configure);
        await app.StartAsync();
        return new RunningSimulator(app, options);
    }

    public async Task<string> OaTokenAsync() =>
        (await Api.GetTokenAsync(Options.AppId, Options.AppSecret)).Value!.Token;

    public async Task<string> MpTokenAsync() =>
        (await Api.GetStableTokenAsync(Options.MiniProgramAppId, Options.MiniProgramSecret)).Value!.Token;

    public async Task<JsonElement> SendAsync(string persona, object input) =>
        await PostForJsonAsync($"sim/personas/{persona}/send", input);

    public async Task<JsonElement[]> ReceivedAsync(string persona) =>
        (await Http.GetFromJsonAsync<JsonElement[]>($"sim/personas/{persona}/received"))!;

    public Task FaultAsync(object fault) => PostAsync("sim/faults", fault);

    public Task AdvanceAsync(TimeSpan by) => PostAsync("sim/clock/advance", new { seconds = by.TotalSeconds });

    public async Task<string> WxLoginAsync(string persona) =>
        (await PostForJsonAsync($"sim/personas/{persona}/wx-login", new { })).GetProperty("code").GetString()!;

    public Task ConsentAsync(string persona, string templateId, int count = 1) =>
        PostAsync($"sim/personas/{persona}/subscribe-consent", new { templateId, count });

    public async Task<JsonElement[]> CallsAsync() => (await Http.GetFromJsonAsync<JsonElement[]>("sim/calls"))!;

    async Task PostAsync(string path, object body) => (await Http.PostAsJsonAsync(path, body)).EnsureSuccessStatusCode();

    async Task<JsonElement> PostForJsonAsync(string path, object body)
    {
        var response = await Http.PostAsJsonAsync(path, body);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
