namespace Bot.Domain.Demands;

public sealed record Demand(
    long Id, string Code, long VillagerId, long? VillageId, long? HouseholdId, string Text, Location? Location,
    Category? Category, Colour? Colour, double? Confidence, string? ModelVersion,
    DemandStatus Status, EscalationLevel Level, long? HandlerId, long? UnitId, DateTimeOffset? DeadlineAt,
    int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    // Every edge of "A demand's life" (docs/domain.md); Assigned → Assigned is an escalation or a transfer.
    static readonly Dictionary<DemandStatus, DemandStatus[]> Next = new()
    {
        [DemandStatus.Submitted] = [DemandStatus.Assigned, DemandStatus.Triage, DemandStatus.Withdrawn],
        [DemandStatus.Triage] = [DemandStatus.Assigned, DemandStatus.Withdrawn],
        [DemandStatus.Assigned] = [DemandStatus.Accepted, DemandStatus.Assigned, DemandStatus.Withdrawn],
        [DemandStatus.Accepted] = [DemandStatus.InProgress, DemandStatus.Resolved, DemandStatus.Assigned, DemandStatus.Withdrawn],
        [DemandStatus.InProgress] = [DemandStatus.InProgress, DemandStatus.Resolved, DemandStatus.Assigned, DemandStatus.Withdrawn],
        [DemandStatus.Resolved] = [DemandStatus.Closed, DemandStatus.Assigned, DemandStatus.ClosedUnrated],
    };

    public bool CanMoveTo(DemandStatus to) => Next.TryGetValue(Status, out var ok) && ok.Contains(to);

    public bool IsOpen => Status is not (DemandStatus.Closed or DemandStatus.ClosedUnrated or DemandStatus.Withdrawn);

    public bool IsWorkable => Status is DemandStatus.Assigned or DemandStatus.Accepted or DemandStatus.InProgress;

    public bool IsOverdue(DateTimeOffset now) => IsWorkable && DeadlineAt < now;

    public static DemandChange Submit(string code, long villagerId, long? villageId, long? householdId,
        string text, Location? location, DateTimeOffset at)
    {
        var demand = new Demand(0, code, villagerId, villageId, householdId, text, location, null, null, null, null,
            DemandStatus.Submitted, EscalationLevel.Member, null, null, null, 1, at, at);
        return new DemandChange(null, demand, [demand.EventFor(DemandEventKind.Submitted, new Actor(villagerId, ActorRole.Villager), null, at)]);
    }

    public DemandChange Classify(Category category, Colour colour, double confidence, string modelVersion, DateTimeOffset at)
    {
        if (Status != DemandStatus.Submitted)
            throw Illegal($"A demand that is {Status} is not classified again; re-label it instead.");
        var next = this with { Category = category, Colour = colour, Confidence = confidence, ModelVersion = modelVersion };
        return Step(next, DemandEventKind.Classified, Actor.System, $"{category.Code()}/{colour.Code()} p={confidence:0.00}", at);
    }

    // The level is the assignee's: a secretary handing a triaged demand to a member puts it back at Member.
    public DemandChange Assign(long handlerId, EscalationLevel level, DateTimeOffset deadline, Actor by, DateTimeOffset at)
    {
        if (Status is not (DemandStatus.Submitted or DemandStatus.Triage))
            throw Illegal($"A demand that is {Status} is already assigned; transfer or escalate it instead.");
        if (Status == DemandStatus.Triage && !by.IsSupervisor)
            throw NotPermitted("Only the village secretary or a higher office assigns a demand from triage.");
        if (Status == DemandStatus.Submitted && by.Role != ActorRole.System)
            throw NotPermitted("A new demand is assigned by the system.");
        return Step(MoveTo(DemandStatus.Assigned) with { HandlerId = handlerId, Level = level, DeadlineAt = deadline },
            DemandEventKind.Assigned, by, null, at);
    }

    public DemandChange SendToTriage(long? secretaryId, string reason, DateTimeOffset at) =>
        Step(MoveTo(DemandStatus.Triage) with { HandlerId = secretaryId, Level = EscalationLevel.Village },
            DemandEventKind.Assigned, Actor.System, reason, at);

    public DemandChange Accept(Actor by, DateTimeOffset at)
    {
        var next = MoveTo(DemandStatus.Accepted);
        EnsureHandler(by, "accept");
        return Step(next, DemandEventKind.Accepted, by, null, at);
    }

    public DemandChange ReportProgress(Actor by, string note, DateTimeOffset at)
    {
        var next = MoveTo(DemandStatus.InProgress);
        EnsureHandler(by, "report progress on");
        return Step(next, DemandEventKind.Progress, by, note, at);
    }

    public DemandChange Resolve(Actor by, string note, DateTimeOffset at)
    {
        var next = MoveTo(DemandStatus.Resolved);
        EnsureHandler(by, "resolve");
        return Step(next, DemandEventKind.Resolved, by, note, at);
    }

    public DemandChange Escalate(Actor by, long newHandlerId, DateTimeOffset deadline, string reason, DateTimeOffset at)
    {
        EnsureWorkable("escalated");
        if (by.Role != ActorRole.System)
            EnsureHandler(by, "escalate");
        if (Level == EscalationLevel.District)
            throw new RuleViolation(RuleViolationKind.TopLevelReached, "The demand is already with the district office, the last level.");
        var next = MoveTo(DemandStatus.Assigned) with { Level = Level + 1, HandlerId = newHandlerId, DeadlineAt = deadline };
        return Step(next, DemandEventKind.Escalated, by, reason, at);
    }

    public DemandChange Transfer(Actor by, long newHandlerId, string? note, DateTimeOffset at)
    {
        EnsureWorkable("transferred");
        if (!by.IsSupervisor)
            EnsureHandler(by, "transfer");
        if (newHandlerId == HandlerId)
            throw Illegal("The demand is already with that person.");
        return Step(MoveTo(DemandStatus.Assigned) with { HandlerId = newHandlerId }, DemandEventKind.Transferred, by, note, at);
    }

    public DemandChange Withdraw(Actor by, DateTimeOffset at)
    {
        EnsureVillager(by, "withdraw");
        return Step(MoveTo(DemandStatus.Withdrawn), DemandEventKind.Withdrawn, by, null, at);
    }

    public DemandChange MarkSurveySent(DateTimeOffset at)
    {
        if (Status != DemandStatus.Resolved)
            throw Illegal($"A survey goes out only for a resolved demand; this one is {Status}.");
        return Step(this, DemandEventKind.SurveySent, Actor.System, null, at);
    }

    // "Not satisfied" sends the demand back one level up (docs/domain.md "The masses judge").
    public DemandChange Rate(Actor by, RatingValue value, string? comment, Reopening? reopenWith, DateTimeOffset at)
    {
        EnsureVillager(by, "rate");
        if (Status != DemandStatus.Resolved)
            throw Illegal($"Only a resolved demand can be rated; this one is {Status}.");
        var rated = EventFor(DemandEventKind.Rated, by, value.Chinese() + (comment is null ? "" : $"：{comment}"), at);
        if (value.Counts())
        {
            var closed = MoveTo(DemandStatus.Closed) with { Version = Version + 1, UpdatedAt = at };
            return new DemandChange(this, closed, [rated with { Status = closed.Status, Version = closed.Version }, closed.EventFor(DemandEventKind.Closed, Actor.System, null, at)]);
        }
        if (reopenWith is null)
            throw new ArgumentNullException(nameof(reopenWith), "A 'not satisfied' rating needs the next level's handler.");
        var reopened = MoveTo(DemandStatus.Assigned) with
        {
            Level = Level == EscalationLevel.District ? Level : Level + 1,
            HandlerId = reopenWith.HandlerId, DeadlineAt = reopenWith.Deadline, Version = Version + 1, UpdatedAt = at,
        };
        return new DemandChange(this, reopened, [rated with { Status = reopened.Status, Version = reopened.Version }, reopened.EventFor(DemandEventKind.Reopened, by, comment, at)]);
    }

    public DemandChange CloseUnrated(DateTimeOffset at) =>
        Step(MoveTo(DemandStatus.ClosedUnrated), DemandEventKind.ClosedUnrated, Actor.System, null, at);

    public DemandChange Relabel(Actor by, Category category, Colour colour, DateTimeOffset at)
    {
        if (!by.IsSupervisor)
            throw NotPermitted("Only the village secretary or a higher office re-labels a demand.");
        if (!IsOpen)
            throw Illegal($"A demand that is {Status} is no longer re-labelled.");
        var note = $"{Category?.Code() ?? "-"}/{Colour?.Code() ?? "-"} → {category.Code()}/{colour.Code()}";
        return Step(this with { Category = category, Colour = colour }, DemandEventKind.Relabelled, by, note, at);
    }

    public void EnsureVersion(int expected)
    {
        if (expected != Version)
            throw new RuleViolation(RuleViolationKind.StaleVersion, $"The demand changed meanwhile (version {Version}, you had {expected}); reload it.");
    }

    Demand MoveTo(DemandStatus to) => CanMoveTo(to)
        ? this with { Status = to }
        : throw Illegal($"A demand that is {Status} cannot become {to}.");

    DemandChange Step(Demand next, DemandEventKind kind, Actor by, string? note, DateTimeOffset at)
    {
        var stepped = next with { Version = Version + 1, UpdatedAt = at };
        return new DemandChange(this, stepped, [stepped.EventFor(kind, by, note, at)]);
    }

    DemandEvent EventFor(DemandEventKind kind, Actor by, string? note, DateTimeOffset at) =>
        new(kind, by, Status, Level, HandlerId, note, Version, at);

    // Assigned → Assigned is an edge only for work in hand, not for a resolved demand.
    void EnsureWorkable(string participle)
    {
        if (!IsWorkable)
            throw Illegal($"A demand that is {Status} cannot be {participle}.");
    }

    void EnsureHandler(Actor by, string verb)
    {
        if (!by.IsStaff || by.PersonId != HandlerId)
            throw NotPermitted($"Only the current handler can {verb} this demand.");
    }

    void EnsureVillager(Actor by, string verb)
    {
        if (by.Role != ActorRole.Villager || by.PersonId != VillagerId)
            throw NotPermitted($"Only the villager who raised this demand can {verb} it.");
    }

    static RuleViolation Illegal(string message) => new(RuleViolationKind.IllegalTransition, message);
    static RuleViolation NotPermitted(string message) => new(RuleViolationKind.NotPermitted, message);
}

public sealed record Reopening(long HandlerId, DateTimeOffset Deadline);

// One step of the lifecycle: the state before (null for a new demand), after, and its timeline events.
public sealed record DemandChange(Demand? Before, Demand After, IReadOnlyList<DemandEvent> Events);
