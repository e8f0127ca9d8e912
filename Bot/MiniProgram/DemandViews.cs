using Bot.Domain.Demands;

namespace Bot.MiniProgram;

public sealed record LocationView(decimal Latitude, decimal Longitude, string? Label);

// A demand as the mini-program shows it; codes and states as JSON strings (camelCase), times with offset.
public sealed record DemandView(
    long Id, string Code, string Text, Category? Category, Colour? Colour, DemandStatus Status, EscalationLevel Level,
    DateTimeOffset? DeadlineAt, bool Overdue, LocationView? Location, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static DemandView Of(Demand d, DateTimeOffset now) => new(
        d.Id, d.Code, d.Text, d.Category, d.Colour, d.Status, d.Level, d.DeadlineAt, d.IsOverdue(now),
        d.Location is { } l ? new LocationView(l.Latitude, l.Longitude, l.Label) : null, d.Version, d.CreatedAt, d.UpdatedAt);
}

public sealed record TimelineEntry(DemandEventKind Kind, DemandStatus Status, EscalationLevel Level, ActorRole By, string? Note, DateTimeOffset At);

public sealed record PhotoView(long Id, string Purpose, DateTimeOffset AddedAt);

public sealed record DemandDetail(DemandView Demand, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<PhotoView> Photos);

// Lists come a page at a time; the total lets the mini-program show "load more".
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, long? Total = null);

// The answer to a report: the demand, who took it (none while it waits in triage), and the same words the chat sends.
public sealed record ReportView(DemandView Demand, string? HandlerName, string Acknowledgement);
