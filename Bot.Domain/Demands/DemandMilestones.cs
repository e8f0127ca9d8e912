namespace Bot.Domain.Demands;

// When the timeline says a demand's clocks started: handed to its handler (acceptance window),
// its time limit began (deadline reminders), resolved and surveyed (the survey windows).
public sealed record DemandMilestones(
    DateTimeOffset? HandedAt, DateTimeOffset? WindowStartedAt, DateTimeOffset? ResolvedAt, DateTimeOffset? SurveySentAt)
{
    public static readonly DemandMilestones None = new(null, null, null, null);

    // A survey sent before the demand was reopened and resolved again does not count.
    public bool IsSurveySent => SurveySentAt >= ResolvedAt;
}
