using Bot.Domain.Classification;
using Bot.Domain.Classification.Evaluation;
using Bot.Domain.Demands;

namespace Bot.Tests.Classification;

public sealed class ReportingMisses
{
    static ClassifierScores Decided(Category category, Colour colour)
    {
        var categories = new double[Enum.GetValues<Category>().Length];
        categories[(int)category] = 1;
        var colours = new double[3];
        colours[(int)colour] = 1;
        return new ClassifierScores(categories, colours, categories, colours, category, colour, IsConfident: true);
    }

    [Fact]
    public void A_line_wrong_on_either_head_is_a_miss_and_a_right_one_is_not()
    {
        LabelledText[] truth =
        [
            new("路灯不亮", Category.Power, Colour.Green),
            new("没电了", Category.Power, Colour.Blue),
            new("快递丢了", Category.Other, Colour.Blue),
        ];
        ClassifierScores[] scores =
        [
            Decided(Category.Power, Colour.Green),
            Decided(Category.Power, Colour.Green),
            Decided(Category.Business, Colour.Blue),
        ];

        var misses = EvaluationReport.Of("test", truth, scores).Misses;

        Assert.Equal([truth[1], truth[2]], misses.Select(m => m.Line));
        Assert.Equal(Category.Business, misses[1].Scores.DecidedCategory);
    }
}
