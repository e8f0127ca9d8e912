namespace Bot.Domain.Classification.Training;

// Multinomial logistic regression with an L2 penalty on the weights (not the biases), fitted
// full-batch by L-BFGS from zero, so the same data always gives the same model.
// Objective: Σ sᵢ·(−log p(yᵢ|xᵢ)) / Σ sᵢ + λ/2·‖W‖², with sᵢ the example's class weight.
public static class SoftmaxRegression
{
    public static LinearHead Fit(SparseRows rows, IReadOnlyList<int> labels, int classCount, double l2, ClassWeighting weighting)
    {
        var k = classCount;
        var weightCount = rows.ColumnCount * k;
        var sampleWeights = ClassWeights.PerExample(labels, classCount, weighting);
        var totalWeight = sampleWeights.Sum();
        var parameters = new double[weightCount + k];

        double Objective(ReadOnlySpan<double> x, Span<double> gradient)
        {
            gradient.Clear();
            var weights = x[..weightCount];
            var bias = x[weightCount..];
            var weightGradient = gradient[..weightCount];
            var biasGradient = gradient[weightCount..];
            Span<double> logits = stackalloc double[k];
            var loss = 0.0;
            for (var i = 0; i < rows.RowCount; i++)
            {
                bias.CopyTo(logits);
                var start = rows.RowStart[i];
                var end = rows.RowStart[i + 1];
                for (var p = start; p < end; p++)
                {
                    var value = rows.Values[p];
                    var w = weights.Slice(rows.Columns[p] * k, k);
                    for (var c = 0; c < k; c++) logits[c] += value * w[c];
                }
                var y = labels[i];
                var target = logits[y];
                var logSum = Softmax.InPlace(logits);
                var s = sampleWeights[i] / totalWeight;
                loss += s * (logSum - target);
                // logits now hold probabilities; the residual p − onehot(y) drives the gradient.
                logits[y] -= 1.0;
                for (var c = 0; c < k; c++)
                {
                    logits[c] *= s;
                    biasGradient[c] += logits[c];
                }
                for (var p = start; p < end; p++)
                {
                    var value = rows.Values[p];
                    var g = weightGradient.Slice(rows.Columns[p] * k, k);
                    for (var c = 0; c < k; c++) g[c] += value * logits[c];
                }
            }
            var penalty = 0.0;
            for (var j = 0; j < weightCount; j++)
            {
                penalty += weights[j] * weights[j];
                weightGradient[j] += l2 * weights[j];
            }
            return loss + 0.5 * l2 * penalty;
        }

        new Lbfgs().Minimise(Objective, parameters);
        return new LinearHead(k, parameters[..weightCount], parameters[weightCount..]);
    }
}
