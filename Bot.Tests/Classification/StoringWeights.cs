using Bot.Domain.Classification.Training;

namespace Bot.Tests.Classification;

public sealed class StoringWeights
{
    [Fact]
    public void A_row_is_kept_to_within_half_a_step_and_its_largest_score_is_127_steps()
    {
        double[] scores = [0.8, -1.27, 0.0031, 0, 0.5];
        var steps = new sbyte[scores.Length];

        var scale = QuantisedRow.Quantise(scores, steps);
        var back = new double[scores.Length];
        QuantisedRow.Expand(scale, steps, back);

        Assert.Equal(-127, steps[1]);
        Assert.Equal(0, steps[3]);
        for (var k = 0; k < scores.Length; k++) Assert.InRange(Math.Abs(back[k] - scores[k]), 0, scale / 2.0 + 1e-12);
    }

    [Fact]
    public void Quantising_an_expanded_row_gives_the_same_row()
    {
        var random = new Random(3);
        for (var row = 0; row < 1000; row++)
        {
            var scores = Enumerable.Range(0, 13).Select(_ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-6, 2))).ToArray();
            var steps = new sbyte[scores.Length];
            var scale = QuantisedRow.Quantise(scores, steps);
            var expanded = new double[scores.Length];
            QuantisedRow.Expand(scale, steps, expanded);

            var again = new sbyte[scores.Length];
            Assert.Equal(scale, QuantisedRow.Quantise(expanded, again));
            Assert.Equal(steps, again);
        }
    }

    [Fact]
    public void A_row_of_zeros_stays_zeros()
    {
        var steps = new sbyte[3];

        Assert.Equal(0f, QuantisedRow.Quantise(new double[3], steps));
        Assert.All(steps, s => Assert.Equal(0, s));
    }
}
