using System.Diagnostics;
using Bot.Domain.Classification.Evaluation;
using Bot.Domain.Classification.Training;
using Bot.Domain.Storage;
using Dapper;

// `Bot.Bench pool [--queries 64] [--repeats 5]`: a burst of database calls (64 at once, each 20 ms on
// the server, as a burst of webhooks makes) while a retrain trains on the same process's pool, with the
// pool's own floor (one thread per core) and with PoolThreads.Floor. Each run is a fresh process, so
// threads one run grew do not help the next; the two floors alternate.
static class PoolBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var queries = args.SkipWhile(a => a != "--queries").Skip(1).Select(int.Parse).FirstOrDefault(64);
        var repeats = args.SkipWhile(a => a != "--repeats").Skip(1).Select(int.Parse).FirstOrDefault(5);
        if (args.SkipWhile(a => a != "--one").Skip(1).FirstOrDefault() is { } floor)
            return await OneRunAsync(floor == "raised", queries);

        Console.WriteLine($"{Environment.ProcessorCount} cores, {queries} calls at once during a retrain, {repeats} runs per floor, {DateTime.UtcNow:yyyy-MM-dd}");
        var runs = new Dictionary<string, List<double[]>> { ["default"] = [], ["raised"] = [] };
        for (var r = 0; r < repeats; r++)
            foreach (var name in runs.Keys)
                runs[name].Add(await ChildAsync(name, queries));
        foreach (var (name, figures) in runs)
        {
            double Median(int k) => figures.Select(f => f[k]).Order().ElementAt(figures.Count / 2);
            Console.WriteLine($"floor {(name == "raised" ? PoolThreads.Floor : Environment.ProcessorCount),2}: burst done in {Median(0):0.00} s, "
                + $"call median {Median(1) * 1000:0} ms, slowest {Median(2) * 1000:0} ms (medians over runs; burst times {string.Join(", ", figures.Select(f => f[0].ToString("0.00")))})");
        }
        return 0;
    }

    static async Task<double[]> ChildAsync(string floor, int queries)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            start.ArgumentList.Add(typeof(PoolBench).Assembly.Location);
        foreach (var a in new[] { "pool", "--one", floor, "--queries", queries.ToString() })
            start.ArgumentList.Add(a);
        using var child = Process.Start(start)!;
        var said = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        if (child.ExitCode != 0)
            throw new InvalidOperationException($"the {floor} run failed: {said}");
        return said.Trim().Split(' ').Select(double.Parse).ToArray();
    }

    // Prints: burst seconds, median call seconds, slowest call seconds.
    static async Task<int> OneRunAsync(bool raised, int queries)
    {
        if (raised)
            PoolThreads.RaiseFloor();
        var db = new Db(Environment.GetEnvironmentVariable("BOT_Database__ConnectionString")
            ?? "Server=127.0.0.1;Port=3307;Database=bot;User Id=bot;Password=bot-dev-only;CharSet=utf8mb4;SslMode=None");
        await using (var warm = await db.OpenAsync())
            await warm.ExecuteScalarAsync<int>("SELECT 1");
        var corpus = CorpusFile.Read(Path.Combine(BenchRoot.Find(), "data", "corpus", "train.tsv"));
        var sample = corpus.Where((_, i) => i % 6 == 0).ToArray();

        using var stop = new CancellationTokenSource();
        // The retrain as the bot runs it: Task.Run, and the trainer's own Parallel.For inside.
        var retrain = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
                ClassifierTrainer.Train(sample, TrainingSettings.Default);
        });
        await Task.Delay(500); // the training holds its threads

        var burst = Stopwatch.StartNew();
        // A call's time counts from the burst's start, as a caller waits: queued for a thread, then served.
        var calls = await Task.WhenAll(Enumerable.Range(0, queries).Select(_ => Task.Run(async () =>
        {
            await using var connection = await db.OpenAsync();
            await connection.ExecuteScalarAsync<double>("SELECT SLEEP(0.02)");
            return burst.Elapsed.TotalSeconds;
        })));
        var burstSeconds = burst.Elapsed.TotalSeconds;
        stop.Cancel();
        await retrain;
        Array.Sort(calls);
        Console.WriteLine($"{burstSeconds} {calls[calls.Length / 2]} {calls[^1]}");
        return 0;
    }
}
