using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
                    AddScaled(logits, weights.Slice(rows.Columns[p] * k, k), rows.Values[p]);
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
                    AddScaled(weightGradient.Slice(rows.Columns[p] * k, k), logits, rows.Values[p]);
            }
            var penalty = 0.0;
            foreach (var w in weights) penalty += w * w;
            AddScaled(weightGradient, weights, l2);
            return loss + 0.5 * l2 * penalty;
        }

        new Lbfgs().Minimise(Objective, parameters);
        return new LinearHead(k, parameters[..weightCount], parameters[weightCount..]);
    }

    // target += scale × source, four classes at a time. Each element gets the same multiply and add
    // as the scalar loop, in the same order, so the model does not depend on the vector width.
    static void AddScaled(Span<double> target, ReadOnlySpan<double> source, double scale)
    {
        if (source.Length != target.Length) throw new ArgumentException("lengths differ", nameof(source));
        var c = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var t = ref MemoryMarshal.GetReference(target);
            ref var s = ref MemoryMarshal.GetReference(source);
            var factor = Vector256.Create(scale);
            for (; c <= target.Length - 4; c += 4)
                Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref t, (nuint)c) + factor * Vector256.LoadUnsafe(ref s, (nuint)c), ref t, (nuint)c);
        }
        for (; c < target.Length; c++) target[c] += scale * source[c];
    }
}
