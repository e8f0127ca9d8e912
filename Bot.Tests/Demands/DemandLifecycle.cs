using Bot.Domain.Demands;

namespace Bot.Tests.Demands;

public sealed class DemandLifecycle
{
    const long VillagerId = 1, MemberId = 2, OtherMemberId = 3, SecretaryId = 4;
    static readonly DateTimeOffset Now = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);
    static readonly Actor Villager = new(VillagerId, ActorRole.Villager);
    static readonly Actor Member = new(MemberId, ActorRole.PartyMember);
    static readonly Actor Secretary = new(SecretaryId, ActorRole.Secretary);

    static Demand In(DemandStatus status) => new(
        7, "D20261121-0001", VillagerId, 10, 20, "村口路灯坏了", null, Category.Power, Colour.Green, 0.9, "m1",
        status, EscalationLevel.Member, status is DemandStatus.Submitted ? null : MemberId, null, Now.AddDays(1), 5, Now, Now);

    // Each verb, and the statuses from which the rules let it run (docs/domain.md "A demand's life").
    static readonly Dictionary<string, (Func<Demand, DemandChange> Run, DemandStatus[] AllowedFrom)> Verbs = new()
    {
        ["classify"] = (d => d.Classify(Category.Water, Colour.Blue, 0.8, "m2", Now), [DemandStatus.Submitted]),
        ["assign"] = (d => d.Assign(MemberId, EscalationLevel.Member, Now.AddDays(1), d.Status == DemandStatus.Triage ? Secretary : Actor.System, Now),
            [DemandStatus.Submitted, DemandStatus.Triage]),
        ["triage"] = (d => d.SendToTriage(SecretaryId, "unsure", Now), [DemandStatus.Submitted]),
        ["accept"] = (d => d.Accept(Member, Now), [DemandStatus.Assigned]),
        ["progress"] = (d => d.ReportProgress(Member, "联系了电工", Now), [DemandStatus.Accepted, DemandStatus.InProgress]),
        ["resolve"] = (d => d.Resolve(Member, "换了灯泡", Now), [DemandStatus.Accepted, DemandStatus.InProgress]),
        ["escalate"] = (d => d.Escalate(Member, SecretaryId, Now.AddDays(3), "超出能力", Now),
            [DemandStatus.Assigned, DemandStatus.Accepted, DemandStatus.InProgress]),
        ["transfer"] = (d => d.Transfer(Member, OtherMemberId, null, Now),
            [DemandStatus.Assigned, DemandStatus.Accepted, DemandStatus.InProgress]),
        ["withdraw"] = (d => d.Withdraw(Villager, Now),
            [DemandStatus.Submitted, DemandStatus.Triage, DemandStatus.Assigned, DemandStatus.Accepted, DemandStatus.InProgress]),
        ["survey"] = (d => d.MarkSurveySent(Now), [DemandStatus.Resolved]),
        ["rate-satisfied"] = (d => d.Rate(Villager, RatingValue.Satisfied, null, null, Now), [DemandStatus.Resolved]),
        ["rate-not-satisfied"] = (d => d.Rate(Villager, RatingValue.NotSatisfied, "没修好", new Reopening(SecretaryId, Now.AddDays(1)), Now),
            [DemandStatus.Resolved]),
        ["close-unrated"] = (d => d.CloseUnrated(Now), [DemandStatus.Resolved]),
        ["relabel"] = (d => d.Relabel(Secretary, Category.Roads, Colour.Orange, Now),
            [DemandStatus.Submitted, DemandStatus.Triage, DemandStatus.Assigned, DemandStatus.Accepted, DemandStatus.InProgress, DemandStatus.Resolved]),
    };

    public static TheoryData<string, DemandStatus> EveryVerbFromEveryStatus()
    {
        var data = new TheoryData<string, DemandStatus>();
        foreach (var verb in Verbs.Keys)
            foreach (var status in Enum.GetValues<DemandStatus>())
                data.Add(verb, status);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryVerbFromEveryStatus))]
    public void A_verb_runs_exactly_from_the_statuses_the_lifecycle_allows(string verb, DemandStatus from)
    {
        var (run, allowedFrom) = Verbs[verb];
        var demand = In(from);

        if (allowedFrom.Contains(from))
        {
            var change = run(demand);
            Assert.Equal(demand.Version + 1, change.After.Version);
            Assert.NotEmpty(change.Events);
            Assert.Same(demand, change.Before);
        }
        else
        {
            var refused = Assert.Throws<RuleViolation>(() => run(demand));
            Assert.Equal(RuleViolationKind.IllegalTransition, refused.Kind);
        }
    }

    [Fact]
    public void A_villager_cannot_accept_a_task()
    {
        var refused = Assert.Throws<RuleViolation>(() => In(DemandStatus.Assigned).Accept(Villager, Now));
        Assert.Equal(RuleViolationKind.NotPermitted, refused.Kind);
    }

    [Fact]
    public void A_member_cannot_resolve_someone_elses_task()
    {
        var other = new Actor(OtherMemberId, ActorRole.PartyMember);
        var refused = Assert.Throws<RuleViolation>(() => In(DemandStatus.Accepted).Resolve(other, "done", Now));
        Assert.Equal(RuleViolationKind.NotPermitted, refused.Kind);
    }

    [Fact]
    public void Only_the_villager_who_raised_it_can_withdraw_or_rate()
    {
        var neighbour = new Actor(99, ActorRole.Villager);
        Assert.Equal(RuleViolationKind.NotPermitted,
            Assert.Throws<RuleViolation>(() => In(DemandStatus.Assigned).Withdraw(neighbour, Now)).Kind);
        Assert.Equal(RuleViolationKind.NotPermitted,
            Assert.Throws<RuleViolation>(() => In(DemandStatus.Resolved).Rate(neighbour, RatingValue.Satisfied, null, null, Now)).Kind);
        Assert.Equal(RuleViolationKind.NotPermitted,
            Assert.Throws<RuleViolation>(() => In(DemandStatus.Resolved).Rate(Member, RatingValue.Satisfied, null, null, Now)).Kind);
    }

    [Fact]
    public void A_member_cannot_relabel_and_a_villager_cannot_assign_from_triage()
    {
        Assert.Equal(RuleViolationKind.NotPermitted,
            Assert.Throws<RuleViolation>(() => In(DemandStatus.Assigned).Relabel(Member, Category.Roads, Colour.Blue, Now)).Kind);
        Assert.Equal(RuleViolationKind.NotPermitted,
            Assert.Throws<RuleViolation>(() => In(DemandStatus.Triage).Assign(MemberId, EscalationLevel.Member, Now, Villager, Now)).Kind);
    }

    [Fact]
    public void Escalation_climbs_one_level_and_stops_at_the_district()
    {
        var demand = In(DemandStatus.Accepted);
        var levels = new List<EscalationLevel>();
        for (var i = 0; i < 3; i++)
        {
            demand = demand.Escalate(Actor.System, SecretaryId, Now.AddDays(1), "overdue", Now).After;
            levels.Add(demand.Level);
        }

        Assert.Equal([EscalationLevel.Village, EscalationLevel.Town, EscalationLevel.District], levels);
        Assert.Equal(DemandStatus.Assigned, demand.Status);
        Assert.Equal(RuleViolationKind.TopLevelReached,
            Assert.Throws<RuleViolation>(() => demand.Escalate(Actor.System, 1, Now, "overdue", Now)).Kind);
    }

    [Fact]
    public void Not_satisfied_reopens_one_level_up_with_the_new_handler_and_satisfied_closes()
    {
        var reopened = In(DemandStatus.Resolved).Rate(Villager, RatingValue.NotSatisfied, "还是不亮", new Reopening(SecretaryId, Now.AddDays(1)), Now);
        var closed = In(DemandStatus.Resolved).Rate(Villager, RatingValue.BasicallySatisfied, null, null, Now);

        Assert.Equal((DemandStatus.Assigned, EscalationLevel.Village, (long?)SecretaryId),
            (reopened.After.Status, reopened.After.Level, reopened.After.HandlerId));
        Assert.Equal([DemandEventKind.Rated, DemandEventKind.Reopened], reopened.Events.Select(e => e.Kind));
        Assert.Equal(DemandStatus.Closed, closed.After.Status);
        Assert.Equal([DemandEventKind.Rated, DemandEventKind.Closed], closed.Events.Select(e => e.Kind));
    }

    [Fact]
    public void A_stale_version_is_refused()
    {
        var demand = In(DemandStatus.Assigned);

        demand.EnsureVersion(demand.Version);
        Assert.Equal(RuleViolationKind.StaleVersion, Assert.Throws<RuleViolation>(() => demand.EnsureVersion(demand.Version - 1)).Kind);
    }

    [Theory]
    [InlineData("D20261121-0042", "D20261121-0042", null)]
    [InlineData("d20261121-0042", "D20261121-0042", null)]
    [InlineData("Ｄ２０２６１１２１－００４２", "D20261121-0042", null)]
    [InlineData("20261121 42", "D20261121-0042", null)]
    [InlineData("0042", null, 42)]
    [InlineData("42", null, 42)]
    public void Codes_can_be_typed_loosely(string typed, string? exact, int? number)
    {
        var code = DemandCode.Parse(typed);

        Assert.NotNull(code);
        Assert.Equal((exact, number), (code.Exact, code.Number));
        Assert.True(code.Matches("D20261121-0042"));
        Assert.False(code.Matches("D20261121-0043"));
    }
}
