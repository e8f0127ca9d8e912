using System.Diagnostics;
using Bot.Domain.Storage;
using Bot.Simulator;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using MySql.Data.MySqlClient;

// `Bot.Bench scheduler [--demands 100000] [--burst 10000] [--instances 1|2|both] [--sample 2000]`:
// Quartz's clustered store under load (docs/jobs.md, "Bench"). One fresh database holds every open
// demand with its triggers (time to schedule); then, per instance count, a burst of demands of its own
// whose deadline reminder comes due at one moment (firing lag, outbox throughput against the simulator).
// The recurring jobs are not stored: the start-up sweep would be measured alongside the burst.
static class SchedulerBench
{
    // Time for the instances to start and the scheduler to pick the burst up, beyond arming it.
    static readonly TimeSpan StartMargin = TimeSpan.FromSeconds(15);
    static readonly TimeSpan BurstTimeout = TimeSpan.FromMinutes(6);

    public static async Task<int> RunAsync(string[] args)
    {
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var demands = int.Parse(Arg("--demands") ?? "100000");
        var burst = int.Parse(Arg("--burst") ?? "10000");
        var sample = Math.Min(int.Parse(Arg("--sample") ?? "2000"), demands);
        int[] instanceCounts = (Arg("--instances") ?? "both") switch { "1" => [1], "2" => [2], _ => [1, 2] };
        if (burst * instanceCounts.Length > demands)
        {
            Console.Error.WriteLine("each instance count takes a burst of demands of its own: --burst × runs must not exceed --demands");
            return 1;
        }
        var server = Environment.GetEnvironmentVariable("BOT_Database__ConnectionString")
            ?? "Server=127.0.0.1;Port=3307;Database=bot;User Id=bot;Password=bot-dev-only;CharSet=utf8mb4;SslMode=None";
        var sim = SimulatorHost.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"], o =>
        {
            o.TemplateReportDelay = TimeSpan.FromHours(1); // no callbacks: there is no bot endpoint here
            o.Personas = Enumerable.Range(0, OpenDemands.Members).Select(i => new Persona
                { Name = $"党员{i}", Role = "党员", OpenId = OpenDemands.OpenId(i), MiniProgramOpenId = $"oMpBench{i:D4}", UnionId = $"uBench{i:D4}" }).ToList();
        });
        await sim.StartAsync();
        var simUrl = sim.Urls.First();
        Console.WriteLine($"{Environment.ProcessorCount} cores, {demands:N0} open demands, bursts of {burst:N0}, {DateTime.UtcNow:yyyy-MM-dd}");

        var name = $"bot_bench_{Guid.NewGuid():N}"[..24];
        var connectionString = new MySqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        await AdminAsync(server, $"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        try
        {
            var db = new Db(connectionString);
            await new Migrator(db, NullLogger<Migrator>.Instance).ApplyAsync(Migration.Embedded());
            var clock = Stopwatch.StartNew();
            var members = await OpenDemands.SeedRosterAsync(db, DateTimeOffset.UtcNow);
            await OpenDemands.InsertAsync(db, demands, members, DateTimeOffset.UtcNow);
            Console.WriteLine($"insert: {demands:N0} demands and their events in {clock.Elapsed.TotalSeconds:0.0} s (multi-row INSERTs)");

            using var scheduling = BenchBot.Build(connectionString, simUrl, running: false);
            clock.Restart();
            await TriggerBatches.ReplanAsync(scheduling.Services, 0, sample);
            var perDemand = clock.Elapsed;
            clock.Restart();
            await TriggerBatches.PlanAndStoreAsync(scheduling.Services, sample, demands - sample);
            var batched = clock.Elapsed;
            var triggers = await ScalarAsync(db, "SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_GROUP LIKE 'demand-%'");
            Console.WriteLine($"schedule: {triggers:N0} triggers for {demands:N0} demands");
            Console.WriteLine($"  per demand (DemandSchedule.ReplanAsync), first {sample:N0}: {perDemand.TotalSeconds:0.0} s, {PerThousand(perDemand, sample):0.00} s per 1,000"
                + $" (all {demands:N0} this way: ~{PerThousand(perDemand, sample) * demands / 1000 / 60:0} min)");
            if (demands > sample)
                Console.WriteLine($"  the rest in batches (same plans, 1,000 demands per ScheduleJobs): {batched.TotalSeconds:0.0} s, {PerThousand(batched, demands - sample):0.00} s per 1,000");

            for (var run = 0; run < instanceCounts.Length; run++)
            {
                var instances = instanceCounts[run];
                // Arming (one trigger per demand) costs about what storing that many triggers cost just now;
                // twice that, for the noise.
                var armedAt = DateTimeOffset.UtcNow;
                var dueAt = armedAt + 2 * burst * (demands > sample ? batched : perDemand) / triggers + StartMargin;
                await Burst.ArmAsync(scheduling.Services, run * burst, burst, dueAt);
                var hosts = new List<IHost>();
                for (var i = 0; i < instances; i++)
                {
                    hosts.Add(BenchBot.Build(connectionString, simUrl, running: true));
                    await hosts[^1].StartAsync();
                }
                if (DateTimeOffset.UtcNow > dueAt - TimeSpan.FromSeconds(1))
                    Console.WriteLine($"  warning: the instances were ready only {(DateTimeOffset.UtcNow - dueAt).TotalSeconds:0.0} s after the burst came due; lags include that");
                var figures = await Burst.WaitAndMeasureAsync(db, armedAt, dueAt, burst, BurstTimeout);
                foreach (var host in hosts)
                {
                    await host.StopAsync();
                    host.Dispose();
                }
                Print(instances, figures);
            }
            return 0;
        }
        finally
        {
            MySqlConnection.ClearAllPools();
            await AdminAsync(server, $"DROP DATABASE IF EXISTS `{name}`");
            await sim.StopAsync();
        }
    }

    static void Print(int instances, BurstFigures f)
    {
        Console.WriteLine($"{instances} instance(s), {f.Due:N0} reminders due at once:");
        if (f.FiringLags.Count < f.Due || f.Sent < f.Due)
            Console.WriteLine($"  incomplete after {BurstTimeout.TotalMinutes:0} min: {f.FiringLags.Count:N0} fired, {f.Sent:N0} sent");
        if (f.FiringLags.Count > 0)
            Console.WriteLine($"  firing lag: median {Percentile(f.FiringLags, 0.5):0.00} s, p99 {Percentile(f.FiringLags, 0.99):0.00} s;"
                + $" all fired {f.FiringLags[^1]:0.0} s after the due moment ({f.FiringLags.Count / Math.Max(f.FiringLags[^1], 0.001):N0} firings/s);"
                + $" {f.FailedRuns} failed run(s)");
        if (f.WriteLags.Count > 0)
            Console.WriteLine($"  reminder written to the outbox: median {Percentile(f.WriteLags, 0.5):0.00} s, p99 {Percentile(f.WriteLags, 0.99):0.00} s after the due moment");
        if (f.Sent > 0)
            Console.WriteLine($"  outbox: {f.Sent:N0} sent, first written → last sent {f.FirstWrittenToLastSent:0.0} s = {f.Sent / f.FirstWrittenToLastSent:N0} messages/s;"
                + $" last sent {f.LastSentAfterDue:0.0} s after the due moment");
        Console.WriteLine($"  firings per instance: {string.Join(", ", f.RunsPerNode.Values.OrderDescending().Select(n => n.ToString("N0")))}");
    }

    static double PerThousand(TimeSpan elapsed, int demands) => elapsed.TotalSeconds / demands * 1000;

    static double Percentile(IReadOnlyList<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];

    static async Task<long> ScalarAsync(Db db, string sql)
    {
        await using var connection = await db.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    static async Task AdminAsync(string server, string sql)
    {
        await using var admin = new MySqlConnection(new MySqlConnectionStringBuilder(server) { Database = "" }.ConnectionString);
        await admin.ExecuteAsync(sql);
    }
}
