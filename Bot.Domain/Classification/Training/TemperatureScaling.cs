namespace Bot.Domain.Classification.Training;

// Calibration by one temperature T per head: p = softmax(z / T), T chosen to minimise the negative
// log-likelihood of out-of-fold logits. Dividing by T > 0 never reorders classes, so decisions
// keep their ranking and only the confidence moves.
public static class TemperatureScaling
{
    public static double Fit(IReadOnlyList<double[]> logits, IReadOnlyList<int> labels)
    {
        // The NLL is unimodal in log T, so a golden-section search over a wide bracket is enough.
        double low = Math.Log(0.05), high = Math.Log(20.0);
        var ratio = (Math.Sqrt(5) - 1) / 2;
        var a = high - ratio * (high - low);
        var b = low + ratio * (high - low);
        double fa = Nll(logits, labels, Math.Exp(a)), fb = Nll(logits, labels, Math.Exp(b));
        for (var i = 0; i < 60; i++)
        {
            if (fa <= fb) { high = b; b = a; fb = fa; a = high - ratio * (high - low); fa = Nll(logits, labels, Math.Exp(a)); }
            else { low = a; a = b; fa = fb; b = low + ratio * (high - low); fb = Nll(logits, labels, Math.Exp(b)); }
        }
        return Math.Exp((low + high) / 2);
    }

    public static double[] Probabilities(ReadOnlySpan<double> logits, double temperature)
    {
        var p = new double[logits.Length];
        for (var i = 0; i < p.Length; i++) p[i] = logits[i] / temperature;
        Softmax.InPlace(p);
        return p;
    }

    static double Nll(IReadOnlyList<double[]> logits, IReadOnlyList<int> labels, double temperature)
    {
        var total = 0.0;
        Span<double> scaled = stackalloc double[logits[0].Length];
        for (var i = 0; i < logits.Count; i++)
        {
            for (var k = 0; k < scaled.Length; k++) scaled[k] = logits[i][k] / temperature;
            var target = scaled[labels[i]];
            total += Softmax.InPlace(scaled) - target;
        }
        return total / logits.Count;
    }
}
