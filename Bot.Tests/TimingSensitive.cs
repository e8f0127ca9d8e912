namespace Bot.Tests;

// Tests that measure what happens within seconds (real Quartz firings, leases, token lifetimes,
// rate-limit windows) run one class at a time, after nothing else competes for the two cores.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingSensitive
{
    public const string Name = "timing-sensitive";
}
