using Bot.Simulator;
using Bot.Tests.Simulator;

namespace Bot.Tests.Outbox;

// A fresh database, the simulator, and as many bot instances as a test starts on them.
public sealed class Cluster : IAsyncDisposable
{
    readonly List<BotInstance> instances = [];

    Cluster(TestDatabase database, RunningSimulator sim)
    {
        Database = database;
        Sim = sim;
    }

    public TestDatabase Database { get; }
    public RunningSimulator Sim { get; }

    public static async Task<Cluster> StartAsync(Action<SimulatorOptions>? simulator = null)
    {
        var database = new TestDatabase();
        await database.InitializeAsync();
        await database.MigrateAsync();
        return new Cluster(database, await RunningSimulator.StartAsync(simulator));
    }

    public async Task<BotInstance> StartBotAsync(Action<Dictionary<string, string?>>? adjust = null, bool dispatch = true)
    {
        var bot = await BotInstance.StartAsync(Database, Sim, adjust, dispatch);
        instances.Add(bot);
        return bot;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var bot in instances)
            await bot.DisposeAsync();
        await Sim.DisposeAsync();
        await Database.DisposeAsync();
    }
}
