using System.Diagnostics;

namespace Bot.Tests.Roster;

// `dotnet run --project Bot -- roster import FILE...`, run as the real process against a test database.
public sealed class TheRosterCommand : IAsyncLifetime
{
    readonly TestDatabase database = new();

    public Task InitializeAsync() => database.InitializeAsync();
    public Task DisposeAsync() => database.DisposeAsync();

    async Task<(int Code, string Said)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Bot.dll"), .. args])
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
            Environment = { ["BOT_Database__ConnectionString"] = database.ConnectionString },
        };
        using var process = Process.Start(start)!;
        var said = process.StandardOutput.ReadToEndAsync();
        var complained = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token);
        return (process.ExitCode, await said + await complained);
    }

    [Fact]
    public async Task Imports_the_demo_files_once_and_rejects_a_bad_file_with_its_line()
    {
        var demo = Path.Combine(AppContext.BaseDirectory, "demo");
        var bad = Path.Combine(Path.GetTempPath(), $"people-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(bad, "district,town,village,grid,household,name,phone,role\n济源示范区,承留镇,无此村,一组,1号,张三,13811112222,villager\n");

        var first = await RunAsync("roster", "import", Path.Combine(demo, "roster-places.csv"), Path.Combine(demo, "roster-people.csv"));
        var again = await RunAsync("roster", "import", Path.Combine(demo, "roster-places.csv"), Path.Combine(demo, "roster-people.csv"));
        var rejected = await RunAsync("roster", "import", bad);

        Assert.Equal(0, first.Code);
        Assert.Contains("created", first.Said);
        Assert.Equal(0, again.Code);
        Assert.Contains(" 0 created, 0 updated", again.Said);
        Assert.Equal(1, rejected.Code);
        Assert.Contains("line 2", rejected.Said);
        Assert.Contains("无此村", rejected.Said);
        Assert.Equal(60, await database.ScalarAsync<int>("SELECT COUNT(*) FROM household"));
    }
}
