namespace Bot.Domain.Classification;

// A category decision is trusted (auto-accepted) when its calibrated probability and its lead
// over the runner-up both reach the thresholds; anything less goes to the village secretary.
public sealed record ConfidenceRule(double MinProbability, double MinMargin)
{
    public bool Accepts(double top, double second) => top >= MinProbability && top - second >= MinMargin;

    // The rule that auto-accepts the most out-of-fold decisions while keeping at least
    // targetAccuracy of them right; ties go to the stricter rule.
    public static ConfidenceRule Choose(IReadOnlyList<(double Top, double Second, bool Correct)> outOfFold, double targetAccuracy)
    {
        var best = new ConfidenceRule(1.0, 1.0);
        var bestAccepted = -1;
        for (var p = 100; p >= 0; p--)
            for (var m = 100; m >= 0; m -= 2)
            {
                var rule = new ConfidenceRule(p / 100.0, m / 100.0);
                int accepted = 0, correct = 0;
                foreach (var o in outOfFold)
                    if (rule.Accepts(o.Top, o.Second))
                    {
                        accepted++;
                        if (o.Correct) correct++;
                    }
                if (accepted > bestAccepted && correct >= targetAccuracy * accepted)
                {
                    best = rule;
                    bestAccepted = accepted;
                }
            }
        return best;
    }
}
