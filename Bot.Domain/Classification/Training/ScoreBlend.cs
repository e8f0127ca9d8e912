namespace Bot.Domain.Classification.Training;

// The served scores are a geometric mean, half and half, of two views of the same text: the
// category (or colour) head's own distribution and the marginal of the joint category × colour head.
// The joint head learns colour cues that belong to one category ("relocate" is orange for housing,
// "meter" blue for water), which the colour head alone cannot; averaging two differently fitted
// heads also steadies the category. Chosen by 5-fold CV on the corpus: see docs/classifier.md.
public static class ScoreBlend
{
    public const int Categories = 13, Colours = 3, Joint = Categories * Colours;

    public static int JointClass(int category, int colour) => category * Colours + colour;

    // Takes the three heads' raw logits; leaves blended logits (log-probabilities) in category and
    // colour, ready for temperature scaling. Allocates nothing.
    public static void Apply(Span<double> category, Span<double> colour, ReadOnlySpan<double> joint)
    {
        Span<double> jointLog = stackalloc double[Joint];
        joint.CopyTo(jointLog);
        LogSoftmax(jointLog);
        LogSoftmax(category);
        LogSoftmax(colour);
        Span<double> parts = stackalloc double[Categories];
        for (var k = 0; k < Colours; k++)
        {
            for (var c = 0; c < Categories; c++) parts[c] = jointLog[JointClass(c, k)];
            colour[k] = 0.5 * (colour[k] + LogSumExp(parts));
        }
        for (var c = 0; c < Categories; c++)
            category[c] = 0.5 * (category[c] + LogSumExp(jointLog.Slice(c * Colours, Colours)));
    }

    static void LogSoftmax(Span<double> scores)
    {
        var logSum = LogSumExp(scores);
        for (var i = 0; i < scores.Length; i++) scores[i] -= logSum;
    }

    static double LogSumExp(ReadOnlySpan<double> scores)
    {
        var max = double.NegativeInfinity;
        foreach (var s in scores) max = Math.Max(max, s);
        var sum = 0.0;
        foreach (var s in scores) sum += Math.Exp(s - max);
        return max + Math.Log(sum);
    }
}
