using System.Runtime.CompilerServices;
using Bot.Domain.Storage;

namespace Bot.Tests;

// One test process runs many bots, TCP proxies and trainings at once, all on one thread pool that the
// database driver blocks (PoolThreads says why): it gets the bot's floor before the first test runs,
// not only once some test has started a bot.
static class TestProcess
{
    [ModuleInitializer]
    internal static void Start() => PoolThreads.RaiseFloor();
}
