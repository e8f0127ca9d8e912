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

    // The precision the model file keeps (weights half, biases single), so a freshly trained model
    // scores exactly like the same model read back from its file. Half precision costs nothing
    // measurable in accuracy and keeps three heads under the 5 MB the model file may take.
    public LinearHead RoundedToHalf() => new(ClassCount,
        Weights.Select(w => (double)(Half)w).ToArray(),
        Bias.Select(b => (double)(float)b).ToArray());
}
