namespace Bot.Domain.Classification.Training;

// The served scores are geometric means of views of the same text. Colour: half and half, the
// colour head's own distribution and the colour marginal of the joint category × colour head, which
// learns colour cues that belong to one category ("relocate" is orange for housing, "meter" blue for
// water) where the colour head alone cannot. Category: the joint head's category marginal and the
// network's distribution, the network weighted by its BlendWeight: the linear head and the network
// err on different lines. Chosen by 5-fold CV on the corpus: see docs/classifier.md.
public static class ScoreBlend
{
    public const int Categories = 13, Colours = 3, Joint = Categories * Colours;

    public static int JointClass(int category, int colour) => category * Colours + colour;

    // Takes the colour head's raw logits in colour, the network's in category, and the joint head's;
    // leaves blended logits (log-probabilities) in category and colour, ready for temperature
    // scaling. The marginals are sums of the joint probabilities: one softmax of 39 instead of a
    // log-sum-exp per class, which was a tenth of the time to classify a message. Allocates nothing.
    public static void Apply(Span<double> category, Span<double> colour, ReadOnlySpan<double> joint, double networkWeight)
    {
        Span<double> probability = stackalloc double[Joint];
        joint.CopyTo(probability);
        Softmax.InPlace(probability);
        LogSoftmax(category);
        LogSoftmax(colour);
        for (var k = 0; k < Colours; k++)
        {
            var marginal = 0.0;
            for (var c = 0; c < Categories; c++) marginal += probability[JointClass(c, k)];
            colour[k] = 0.5 * (colour[k] + SafeLog(marginal));
        }
        for (var c = 0; c < Categories; c++)
        {
            var marginal = probability[JointClass(c, 0)] + probability[JointClass(c, 1)] + probability[JointClass(c, 2)];
            category[c] = (1 - networkWeight) * SafeLog(marginal) + networkWeight * category[c];
        }
    }

    // A class whose joint probabilities all underflow is far below the rest, not impossible.
    static double SafeLog(double probability) => Math.Log(Math.Max(probability, 1e-300));

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
