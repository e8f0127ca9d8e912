using System.Diagnostics;
using Bot.Domain.Outbox;
using Bot.Domain.Storage;
using Bot.Hosting;
using Bot.Outbox;
using Bot.Simulator;
using Bot.WeChat;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MySql.Data.MySqlClient;

// `Bot.Bench outbox [--messages 400] [--repeats 3]`: template sends per second through one and two
// dispatchers on one fresh database, against the in-process simulator (loopback HTTP), medians.
static class OutboxBench
{
    const int Personas = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        var messages = args.SkipWhile(a => a != "--messages").Skip(1).Select(int.Parse).FirstOrDefault(400);
        var repeats = args.SkipWhile(a => a != "--repeats").Skip(1).Select(int.Parse).FirstOrDefault(3);
        var server = Environment.GetEnvironmentVariable("BOT_Database__ConnectionString")
            ?? "Server=127.0.0.1;Port=3307;Database=bot;User Id=bot;Password=bot-dev-only;CharSet=utf8mb4;SslMode=None";
        var sim = SimulatorHost.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"], o =>
        {
            o.TemplateReportDelay = TimeSpan.FromHours(1); // no callbacks: there is no bot endpoint here
            o.Personas = Enumerable.Range(0, Personas).Select(i => new Persona
                { Name = $"p{i}", Role = "村民", OpenId = $"oBench{i:D3}", MiniProgramOpenId = $"oMpBench{i:D3}", UnionId = $"uBench{i:D3}" }).ToList();
        });
        await sim.StartAsync();
        Console.WriteLine($"{Environment.ProcessorCount} cores, {messages} template messages to {Personas} recipients, {repeats} repeats, {DateTime.UtcNow:yyyy-MM-dd}");
        foreach (var dispatchers in new[] { 1, 2 })
        {
            var rates = new List<double>();
            for (var r = 0; r < repeats; r++)
                rates.Add(await RunOnceAsync(server, sim.Urls.First(), dispatchers, messages));
            rates.Sort();
            Console.WriteLine($"{dispatchers} dispatcher(s): {rates[rates.Count / 2]:N0} messages/s (median; runs {string.Join(", ", rates.Select(x => x.ToString("N0")))})");
        }
        await sim.StopAsync();
        return 0;
    }

    static async Task<double> RunOnceAsync(string server, string simUrl, int dispatchers, int messages)
    {
        var name = $"bot_bench_{Guid.NewGuid():N}"[..24];
        var connectionString = new MySqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        await using (var admin = new MySqlConnection(new MySqlConnectionStringBuilder(server) { Database = "" }.ConnectionString))
            await admin.ExecuteAsync($"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        try
        {
            var db = new Db(connectionString);
            await new Migrator(db, NullLogger<Migrator>.Instance).ApplyAsync(Migration.Embedded());
            var store = new OutboxStore(db, TimeProvider.System);
            for (var i = 0; i < messages; i++)
                await store.EnqueueAsync(new OutboxMessage($"bench-{i}", null, $"oBench{i % Personas:D3}", "bench",
                    new OutboxPayload($"消息{i}", Notice: "task-assigned").ToJson()));

            var clock = Stopwatch.StartNew();
            var hosts = new List<IHost>();
            for (var d = 0; d < dispatchers; d++)
                hosts.Add(await StartBotAsync(connectionString, simUrl));
            await using (var connection = await db.OpenAsync())
                while (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE status <> 'Sent'") > 0)
                    await Task.Delay(20);
            var rate = messages / clock.Elapsed.TotalSeconds;
            foreach (var host in hosts)
            {
                await host.StopAsync();
                host.Dispose();
            }
            return rate;
        }
        finally
        {
            MySqlConnection.ClearAllPools();
            await using var admin = new MySqlConnection(new MySqlConnectionStringBuilder(server) { Database = "" }.ConnectionString);
            await admin.ExecuteAsync($"DROP DATABASE IF EXISTS `{name}`");
        }
    }

    static async Task<IHost> StartBotAsync(string connectionString, string simUrl)
    {
        var host = BenchBot.Build(connectionString, simUrl, running: true, withJobs: false);
        await host.StartAsync();
        return host;
    }
}
