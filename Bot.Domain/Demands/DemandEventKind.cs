namespace Bot.Domain.Demands;

public enum DemandEventKind
{
    Submitted, Classified, Assigned, Accepted, Progress, Escalated, Transferred, Resolved,
    SurveySent, Rated, Reopened, Withdrawn, Closed, ClosedUnrated, Relabelled,
}
