namespace Bot.Simulator;

/// <summary>Real time plus an offset the test API can advance, so token lifetimes, 48-hour windows and code
/// expiry can be crossed without waiting.</summary>
public sealed class SimClock : TimeProvider
{
    long offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

    public void Reset() => Interlocked.Exchange(ref offsetTicks, 0);

    /// <summary>Daily quotas reset at midnight Beijing time.</summary>
    public DateOnly BeijingDay => DateOnly.FromDateTime(GetUtcNow().UtcDateTime.AddHours(8));
}
