namespace Bot.Domain.Classification.Training;

// One trained softmax layer. Weights are feature-major (feature j's class scores sit together at
// j * ClassCount), which keeps a sparse dot product on one or two cache lines per feature.
public sealed record LinearHead(int ClassCount, double[] Weights, double[] Bias)
{
    public void Logits(SparseRows rows, int row, Span<double> logits)
    {
        Bias.AsSpan().CopyTo(logits);
        for (var p = rows.RowStart[row]; p < rows.RowStart[row + 1]; p++)
        {
            var value = rows.Values[p];
            var weights = Weights.AsSpan(rows.Columns[p] * ClassCount, ClassCount);
            for (var k = 0; k < weights.Length; k++) logits[k] += value * weights[k];
        }
    }

    // The precision the model file keeps, so a freshly trained model scores exactly like the same
    // model read back from its file: each feature's scores as 8-bit steps of one scale per feature
    // (QuantisedRow), biases in single precision. Cross-validation trains through here too, so the
    // reported figures are those of the stored model.
    public LinearHead Quantised()
    {
        var weights = new double[Weights.Length];
        Span<sbyte> steps = stackalloc sbyte[ClassCount];
        for (var at = 0; at < Weights.Length; at += ClassCount)
        {
            var scale = QuantisedRow.Quantise(Weights.AsSpan(at, ClassCount), steps);
            QuantisedRow.Expand(scale, steps, weights.AsSpan(at, ClassCount));
        }
        return new(ClassCount, weights, Bias.Select(b => (double)(float)b).ToArray());
    }
}
