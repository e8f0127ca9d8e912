using System.Diagnostics;
using System.Net;
using System.Text.Json;
using MySql.Data.MySqlClient;

namespace Bot.Tests.Health;

// The bot reaches its database through a proxy this test can cut.
public sealed class BotBehindAProxy : BotApp
{
    public TcpProxy Proxy { get; }

    public BotBehindAProxy()
    {
        var server = new MySqlConnectionStringBuilder(TestDatabase.ServerConnectionString);
        Proxy = new TcpProxy(server.Server, (int)server.Port);
        Proxy.Start();
    }

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        // The proxy pumps bytes on this test process's thread pool, which CPU-heavy tests share:
        // a short connect timeout fails start-up on a loaded machine.
        settings["Database:ConnectionString"] = new MySqlConnectionStringBuilder(Database.ConnectionString)
            { Server = "127.0.0.1", Port = (uint)Proxy.Port, ConnectionTimeout = 60 }.ConnectionString;
        return settings;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Proxy.DisposeAsync();
    }
}

public sealed class Readiness(BotBehindAProxy app) : IClassFixture<BotBehindAProxy>
{
    async Task<(HttpStatusCode, JsonElement)> ReadyAsync()
    {
        var response = await app.CreateClient().GetAsync("/readyz");
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    [Fact]
    public async Task Reports_unready_while_the_database_is_away_and_ready_when_it_returns()
    {
        // On a loaded machine the scheduler may still be checking in for the first time.
        var (upStatus, up) = await ReadyAsync();
        for (var tries = 0; upStatus != HttpStatusCode.OK && tries < 30; tries++, await Task.Delay(500))
            (upStatus, up) = await ReadyAsync();
        app.Proxy.Stop();
        MySqlConnection.ClearAllPools();
        var (downStatus, down) = await ReadyAsync();
        app.Proxy.Start();
        // The scheduler's store goes through the proxy too, and takes a moment to check in again.
        var (backStatus, _) = await ReadyAsync();
        for (var tries = 0; backStatus != HttpStatusCode.OK && tries < 30; tries++, await Task.Delay(500))
            (backStatus, _) = await ReadyAsync();

        Assert.True(upStatus == HttpStatusCode.OK, $"not ready at the start: {up}");
        Assert.Contains(app.Database.Name, up.GetProperty("checks").GetProperty("database").GetProperty("detail").GetString());
        Assert.True(up.GetProperty("checks").GetProperty("scheduler").GetProperty("ok").GetBoolean());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, downStatus);
        Assert.Equal("unready", down.GetProperty("status").GetString());
        Assert.False(down.GetProperty("checks").GetProperty("database").GetProperty("ok").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, backStatus);
    }

    [Fact]
    public async Task Healthz_answers_without_the_database()
    {
        var response = await app.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

public sealed class StartingWithoutADatabase
{
    [Fact]
    public async Task The_bot_waits_for_a_database_that_answers_late()
    {
        var app = new BotBehindAProxy();
        app.Proxy.Stop();
        var late = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            app.Proxy.Start();
        });
        try
        {
            await app.InitializeAsync(); // returns once the bot has started: migrations ran through the proxy
            await late;
            // Readiness allows the database 3 s; on a loaded machine one probe through the proxy can take longer.
            var ready = await ReadyAsync(app);
            for (var tries = 0; !Ok(ready, "database") && tries < 30; tries++, await Task.Delay(500))
                ready = await ReadyAsync(app);

            // The scheduler may still be checking in; the database and its schema are what start-up waited for.
            Assert.True(Ok(ready, "database"), ready.ToString());
            Assert.True(Ok(ready, "migrations"), ready.ToString());
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    static async Task<JsonElement> ReadyAsync(BotApp app) =>
        JsonDocument.Parse(await (await app.CreateClient().GetAsync("/readyz")).Content.ReadAsStringAsync()).RootElement;

    static bool Ok(JsonElement ready, string check) => ready.GetProperty("checks").GetProperty(check).GetProperty("ok").GetBoolean();

    [Fact]
    public async Task The_process_names_host_and_port_hides_the_password_and_exits_non_zero()
    {
        var bot = Path.Combine(AppContext.BaseDirectory, "Bot.dll");
        var start = new ProcessStartInfo("dotnet", [bot, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
            Environment =
            {
                ["BOT_Database__ConnectionString"] = "Server=127.0.0.1;Port=1;Database=bot;User Id=bot;Password=s3cret-pw;Connection Timeout=3",
                ["BOT_Admin__ApiKey"] = "some-admin-key-0123456789",
                ["BOT_Database__StartupWaitSeconds"] = "4",
            },
        };

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        var said = await stderr + await stdout;

        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("127.0.0.1:1", said);
        Assert.DoesNotContain("s3cret-pw", said);
        Assert.DoesNotContain("   at ", said); // a sentence, not a stack trace
    }
}
