namespace Bot.Domain.Evaluation;

// One party member's month: demands resolved (and how many within the limit), ratings received.
public sealed record MemberFigures(long PersonId, string Name, long TownId, long VillageId, int Handled, int OnTime, int Rated, int Satisfied)
{
    public double? OnTimeRate => Handled == 0 ? null : (double)OnTime / Handled;

    // docs/domain.md: (satisfied + basically satisfied) ÷ rated.
    public double? SatisfactionRate => Rated == 0 ? null : (double)Satisfied / Rated;
}

public sealed record MemberEvaluation(MemberFigures Figures, int? Rank, int Ranked, bool Warned);

// The Zhonghe rule (docs/domain.md "The masses judge"): within each town, members with enough ratings
// are ranked by satisfaction, and the bottom share of them gets an early warning.
public static class TownRanking
{
    public static IReadOnlyList<MemberEvaluation> Evaluate(IEnumerable<MemberFigures> members, double bottomShare, int minRated) =>
        members.GroupBy(m => m.TownId).SelectMany(town => EvaluateTown(town.ToList(), bottomShare, minRated)).ToList();

    static IEnumerable<MemberEvaluation> EvaluateTown(List<MemberFigures> town, double bottomShare, int minRated)
    {
        // Too few ratings say nothing about a member: they are neither ranked nor warned.
        var ranked = town.Where(m => m.Rated >= Math.Max(1, minRated)).OrderByDescending(m => m.SatisfactionRate).ToList();
        var warned = BottomGroup(ranked, (int)Math.Floor(ranked.Count * bottomShare));
        foreach (var member in town)
        {
            // Competition ranking: equal rates share a rank (1, 2, 2, 4).
            int? rank = ranked.Contains(member) ? 1 + ranked.Count(m => m.SatisfactionRate > member.SatisfactionRate) : null;
            yield return new MemberEvaluation(member, rank, ranked.Count, warned.Contains(member));
        }
    }

    // The worst rates, whole tie groups at a time, as long as the group stays within the share: a tie
    // at the boundary is never split by an arbitrary order, so it is left out rather than half warned.
    static HashSet<MemberFigures> BottomGroup(List<MemberFigures> ranked, int size)
    {
        var group = new HashSet<MemberFigures>();
        foreach (var tie in ranked.GroupBy(m => m.SatisfactionRate).OrderBy(g => g.Key))
        {
            if (group.Count + tie.Count() > size)
                break;
            group.UnionWith(tie);
        }
        return group;
    }
}
