namespace Bot.Domain.Demands;

// One line of the timeline, written with the demand state it produced.
public sealed record DemandEvent(
    DemandEventKind Kind, Actor Actor, DemandStatus Status, EscalationLevel Level,
    long? HandlerId, string? Note, int Version, DateTimeOffset At)
{
    // A villager reads the steps, not the machinery: no classifier scores, no re-label or hand-over notes.
    public bool ShowsToVillager => Kind is not DemandEventKind.Classified;

    public string? NoteForVillager => Kind is DemandEventKind.Progress or DemandEventKind.Resolved or DemandEventKind.Escalated ? Note : null;
}
