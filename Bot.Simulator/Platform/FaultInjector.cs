namespace Bot.Simulator.Platform;

public enum FaultKind { Busy, DailyLimit, Http500, Slow, ErrorCode }

// One planned fault: the next Remaining API calls (to Path, or to any API) fail this way.
public sealed record Fault(string? Path, int Remaining, FaultKind Kind, int DelayMs, int ErrorCode);

// Faults the test API plans and the API pipeline consumes, first planned first used.
public sealed class FaultInjector
{
    readonly Lock gate = new();
    readonly List<Fault> planned = [];

    public void Plan(Fault fault)
    {
        lock (gate)
            planned.Add(fault);
    }

    public Fault? Take(string path)
    {
        lock (gate)
        {
            var index = planned.FindIndex(f => f.Path is null || string.Equals(f.Path.Trim('/'), path.Trim('/'), StringComparison.OrdinalIgnoreCase));
            if (index < 0)
                return null;
            var fault = planned[index];
            if (fault.Remaining <= 1)
                planned.RemoveAt(index);
            else
                planned[index] = fault with { Remaining = fault.Remaining - 1 };
            return fault;
        }
    }

    public IReadOnlyList<Fault> Planned
    {
        get
        {
            lock (gate)
                return planned.ToList();
        }
    }

    public void Reset()
    {
        lock (gate)
            planned.Clear();
    }
}
