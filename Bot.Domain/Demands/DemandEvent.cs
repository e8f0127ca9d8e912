namespace Bot.Domain.Demands;

// One line of the timeline, written with the demand state it produced.
public sealed record DemandEvent(
    DemandEventKind Kind, Actor Actor, DemandStatus Status, EscalationLevel Level,
    long? HandlerId, string? Note, int Version, DateTimeOffset At);
