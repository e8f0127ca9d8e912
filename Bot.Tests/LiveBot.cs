using System.Net;
using System.Net.Sockets;
using Bot.Demo;
using Bot.Simulator;
using Bot.Tests.Simulator;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests;

// The bot on a real port with the demo village, and the simulator playing WeChat in front of it.
public class LiveBot : BotApp
{
    public const string Stranger = "oStranger0001";

    readonly int port = FreePort();

    public RunningSimulator Simulator { get; private set; } = null!;

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["WeChat:ApiBaseUrl"] = Simulator.Http.BaseAddress!.ToString();
        settings["WeChat:MediaPollInterval"] = "00:00:00.200";
        return settings;
    }

    public override async Task InitializeAsync()
    {
        Simulator = await RunningSimulator.StartAsync(o =>
        {
            o.BotCallbackUrl = $"http://127.0.0.1:{port}/wechat";
            o.Mode = CallbackMode.Safe;
            o.Personas = [.. Persona.Defaults, new Persona { Name = "陌生人", Role = "村民", OpenId = Stranger, MiniProgramOpenId = "oMpStranger0001", UnionId = "uStranger0001" }];
        });
        UseKestrel(port);
        await base.InitializeAsync();
        await Services.GetRequiredService<DemoSeeder>().SeedAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Simulator.DisposeAsync();
    }

    static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
