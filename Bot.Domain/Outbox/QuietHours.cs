using Bot.Domain.Demands;

namespace Bot.Domain.Outbox;

// Nobody's phone buzzes at night (default 22:00–07:00 Asia/Shanghai): pushes written then wait
// for the morning, except to the handler of an overdue orange matter, which cannot wait.
public sealed class QuietHours
{
    public const string Section = "QuietHours";

    public TimeOnly Start { get; set; } = new(22, 0);
    public TimeOnly End { get; set; } = new(7, 0);

    // When a push written at `now` may go out; null means at once.
    public DateTimeOffset? Release(DateTimeOffset now)
    {
        if (Start == End)
            return null;
        var local = TimeZoneInfo.ConvertTime(now, DemandCode.China);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var inside = Start < End ? time >= Start && time < End : time >= Start || time < End;
        if (!inside)
            return null;
        var endDay = time >= Start && Start > End ? local.Date.AddDays(1) : local.Date;
        var endLocal = new DateTimeOffset(endDay + End.ToTimeSpan(), local.Offset);
        return endLocal.ToUniversalTime();
    }

    public OutboxMessage Apply(OutboxMessage message, DateTimeOffset now, bool urgent = false) =>
        urgent ? message : message with { NotBefore = Release(now) };
}
