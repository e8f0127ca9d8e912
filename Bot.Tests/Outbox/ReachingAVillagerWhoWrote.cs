using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Bot.Domain.Classification;
using Bot.Domain.Classification.Training;
using Bot.Domain.Demands;
using Bot.Domain.Outbox;
using Bot.Tests.Simulator;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Outbox;

// The whole bot on a real port: the simulator's callback opens the window, the dispatcher spends it.
[Collection(TimingSensitive.Name)]
public sealed class BotOnAPort(RunningSimulator sim, int port) : BotApp
{
    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["WeChat:ApiBaseUrl"] = sim.Http.BaseAddress!.ToString();
        settings["Outbox:PollInterval"] = "00:00:00.050";
        settings["Outbox:InCallRetries"] = "0";
        settings["Classifier:ModelPath"] = TinyModel.Value;
        return settings;
    }

    // The trained model lives on the classifier branch; this bot only needs one that loads.
    static readonly Lazy<string> TinyModel = new(() =>
    {
        var examples = Enum.GetValues<Category>()
            .SelectMany(c => Enumerable.Range(0, 12).Select(i => new LabelledText($"{c.Chinese()}问题{i}号", c, (Colour)(i % 3))))
            .ToList();
        var path = Path.Combine(Path.GetTempPath(), $"bot-tiny-model-{Guid.NewGuid():N}.bin");
        ModelFile.Write(path, ClassifierTrainer.Train(examples, TrainingSettings.Default).Model);
        return path;
    });

    public async Task StartAsync()
    {
        await Database.InitializeAsync();
        UseKestrel(port);
        StartServer();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class ReachingAVillagerWhoWrote
{
    [Fact]
    public async Task Five_customer_service_messages_follow_a_message_then_templates_and_operators_see_every_row()
    {
        var port = BotOnAPort.FreePort();
        await using var sim = await RunningSimulator.StartAsync(o => o.BotCallbackUrl = $"http://127.0.0.1:{port}/wechat");
        var bot = new BotOnAPort(sim, port);
        try
        {
            await bot.StartAsync();
            await sim.SendAsync(RunningSimulator.Villager, new { type = "text", content = "你好" });
            var outbox = bot.Services.GetRequiredService<OutboxStore>();
            for (var i = 1; i <= 6; i++)
                await outbox.EnqueueAsync(new OutboxMessage($"progress-{i}", null, RunningSimulator.Villager, "demand-progress",
                    new OutboxPayload($"进展{i}", Notice: "demand-progress").ToJson()));

            var rows = await OutboxRows.SettledAsync(bot.Database);
            Assert.Equal(["custom", "custom", "custom", "custom", "custom", "template"], rows.Select(r => r.Channel));
            Assert.All(rows, r => Assert.Equal("Sent", r.Status));
            Assert.Equal(0, await sim.CallsToAsync("cgi-bin/message/custom/send") - 5);
            var pushed = (await sim.ReceivedAsync(RunningSimulator.Villager))
                .Where(e => e.GetProperty("channel").GetString() is "custom" or "template").ToList();
            Assert.Equal(6, pushed.Count);

            var admin = bot.AdminClient();
            var sent = await admin.GetFromJsonAsync<JsonElement[]>("/api/admin/outbox?status=Sent");
            var unsent = await admin.GetFromJsonAsync<JsonElement[]>("/api/admin/outbox");
            var bad = await admin.GetAsync("/api/admin/outbox?status=Lost");
            var anonymous = await bot.CreateClient().GetAsync("/api/admin/outbox");
            Assert.Equal(6, sent!.Length);
            Assert.Empty(unsent!);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }
        finally
        {
            await ((IAsyncLifetime)bot).DisposeAsync();
        }
    }
}
