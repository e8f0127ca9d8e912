namespace Bot.Domain.Classification.Training;

public static class Softmax
{
    // Replaces scores by probabilities and returns log Σ exp(score), shifted by the maximum for
    // stability.
    public static double InPlace(Span<double> scores)
    {
        var max = double.NegativeInfinity;
        foreach (var s in scores) max = Math.Max(max, s);
        var sum = 0.0;
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = Math.Exp(scores[i] - max);
            sum += scores[i];
        }
        for (var i = 0; i < scores.Length; i++) scores[i] /= sum;
        return max + Math.Log(sum);
    }
}
