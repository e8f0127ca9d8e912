namespace Bot.Simulator;

// Real time plus an offset the test API can advance, so token lifetimes, 48-hour windows and code expiry can be
// crossed without waiting.
public sealed class SimClock : TimeProvider
{
    long offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

    public void Reset() => Interlocked.Exchange(ref offsetTicks, 0);

    // Daily quotas reset at midnight Beijing time.
    public DateOnly BeijingDay => DateOnly.FromDateTime(GetUtcNow().UtcDateTime.AddHours(8));
}
