using Bot.Domain.Evaluation;

namespace Bot.Tests.Jobs;

public sealed class TheBottomShareRule
{
    static MemberFigures Member(long id, int rated, int satisfied, long town = 1) => new(id, $"m{id}", town, 1, rated, rated, rated, satisfied);

    static long[] Warned(IEnumerable<MemberFigures> members, double share = 0.2, int minRated = 5) =>
        TownRanking.Evaluate(members, share, minRated).Where(e => e.Warned).Select(e => e.Figures.PersonId).Order().ToArray();

    [Fact]
    public void The_lowest_fifth_by_satisfaction_is_warned_within_each_town()
    {
        var town1 = Enumerable.Range(1, 10).Select(i => Member(i, 10, i)).ToList(); // 10% … 100%
        var town2 = Enumerable.Range(11, 5).Select(i => Member(i, 10, i - 5, town: 2));

        Assert.Equal([1L, 2L, 11L], Warned(town1.Concat(town2)));
    }

    [Fact]
    public void A_tie_at_the_boundary_is_not_split_and_equal_rates_share_a_rank()
    {
        var members = new[] { Member(1, 10, 5), Member(2, 10, 6), Member(3, 10, 6), Member(4, 10, 8), Member(5, 10, 9),
            Member(6, 10, 9), Member(7, 10, 9), Member(8, 10, 9), Member(9, 10, 10), Member(10, 10, 10) };

        var evaluations = TownRanking.Evaluate(members, 0.2, 5);

        Assert.Equal([1L], Warned(members)); // 2 and 3 tie for 9th: warning one of them would be arbitrary
        Assert.Equal([10, 8, 8, 7, 3, 3, 3, 3, 1, 1], evaluations.Select(e => e.Rank!.Value));
    }

    [Fact]
    public void Members_with_too_few_ratings_are_neither_ranked_nor_warned()
    {
        var members = new[] { Member(1, 4, 0), Member(2, 5, 1), Member(3, 5, 2), Member(4, 5, 3), Member(5, 5, 4), Member(6, 5, 5) };

        var evaluations = TownRanking.Evaluate(members, 0.2, 5);

        Assert.Equal([2L], Warned(members));
        Assert.Null(evaluations.Single(e => e.Figures.PersonId == 1).Rank);
        Assert.All(evaluations, e => Assert.Equal(5, e.Ranked));
    }

    [Fact]
    public void When_everyone_has_the_same_rate_nobody_is_warned()
    {
        Assert.Empty(Warned(Enumerable.Range(1, 10).Select(i => Member(i, 10, 10))));
    }
}
