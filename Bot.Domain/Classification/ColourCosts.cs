using Bot.Domain.Demands;

namespace Bot.Domain.Classification;

// What a colour mistake costs, Cost[true, decided]. An orange matter called green is the worst:
// it lands with a party member who cannot solve it and the project waits unseen. Blue called
// green wastes a visit before the right unit hears of it. Over-grading costs the least: a higher
// level looks and hands it back. The decision minimises the expected cost under the calibrated
// probabilities (Bayes risk), so it drifts towards orange only when orange is really plausible.
public sealed record ColourCosts(double[] Cost)
{
    public static readonly ColourCosts Default = new([
        /* true green:  */ 0, 1, 1,
        /* true blue:   */ 2, 0, 1,
        /* true orange: */ 5, 2, 0,
    ]);

    public double Of(Colour truth, Colour decided) => Cost[(int)truth * 3 + (int)decided];

    public Colour Decide(ReadOnlySpan<double> probabilities)
    {
        // Plain index loops: Enum.GetValues allocates, and this runs for every message.
        var best = Colour.Green;
        var bestRisk = double.PositiveInfinity;
        for (var decided = Colour.Green; decided <= Colour.Orange; decided++)
        {
            var risk = 0.0;
            for (var truth = Colour.Green; truth <= Colour.Orange; truth++) risk += probabilities[(int)truth] * Of(truth, decided);
            if (risk < bestRisk)
            {
                best = decided;
                bestRisk = risk;
            }
        }
        return best;
    }
}
