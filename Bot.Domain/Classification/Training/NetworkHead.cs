using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Bot.Domain.Classification.Training;

// A category head with one hidden layer of ReLU units: it learns what a linear head cannot, that the
// same words mean roads on a road and safety beside a school. Its inputs are the dictionary's frequent
// terms only (InputOf maps a term id to its input row, or −1), each an embedding of Hidden weights
// that the message's feature values sum into the hidden layer; the output layer is dense.
// The embeddings are kept as the model file keeps them, 8-bit steps of one scale per input
// (QuantisedRow): 64 bytes an input instead of 256, and cross-validation measures the stored network.
public sealed record NetworkHead(int[] InputOf, int Hidden, sbyte[] InputSteps, float[] InputScales, float[] HiddenBias, float[] OutputWeights, float[] OutputBias)
{
    public int ClassCount => OutputBias.Length;
    public int InputCount => InputScales.Length;

    public static NetworkHead Quantise(int[] inputOf, int hidden, float[] inputWeights, float[] hiddenBias, float[] outputWeights, float[] outputBias)
    {
        var steps = new sbyte[inputWeights.Length];
        var scales = new float[inputWeights.Length / hidden];
        Span<double> row = stackalloc double[hidden];
        for (var input = 0; input < scales.Length; input++)
        {
            for (var u = 0; u < hidden; u++) row[u] = inputWeights[input * hidden + u];
            scales[input] = QuantisedRow.Quantise(row, steps.AsSpan(input * hidden, hidden));
        }
        return new(inputOf, hidden, steps, scales, hiddenBias, outputWeights, outputBias);
    }

    public void Logits(SparseRows rows, int row, Span<double> logits)
    {
        Span<float> hidden = stackalloc float[Hidden];
        Span<float> embedding = stackalloc float[Hidden];
        HiddenBias.CopyTo(hidden);
        for (var p = rows.RowStart[row]; p < rows.RowStart[row + 1]; p++)
        {
            var input = InputOf[rows.Columns[p]];
            if (input < 0) continue;
            var steps = InputSteps.AsSpan(input * Hidden, Hidden);
            for (var u = 0; u < Hidden; u++) embedding[u] = steps[u];
            NetworkMath.AddScaled(hidden, embedding, rows.Values[p] * InputScales[input]);
        }
        NetworkMath.Relu(hidden);
        for (var k = 0; k < ClassCount; k++)
            logits[k] = OutputBias[k] + NetworkMath.Dot(OutputWeights.AsSpan(k * Hidden, Hidden), hidden);
    }
}

// Fixed 8-float vectors (never Vector<T>) in a fixed order: the network's bytes do not depend on the
// machine's vector width. Hidden sizes are multiples of 8.
public static class NetworkMath
{
    public static void AddScaled(Span<float> target, ReadOnlySpan<float> source, float scale)
    {
        ref var t = ref MemoryMarshal.GetReference(target);
        ref var s = ref MemoryMarshal.GetReference(source);
        var factor = Vector256.Create(scale);
        for (nuint u = 0; u < (nuint)target.Length; u += 8)
            Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref t, u) + factor * Vector256.LoadUnsafe(ref s, u), ref t, u);
    }

    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        ref var x = ref MemoryMarshal.GetReference(a);
        ref var y = ref MemoryMarshal.GetReference(b);
        var sum = Vector256<float>.Zero;
        for (nuint u = 0; u < (nuint)a.Length; u += 8)
            sum += Vector256.LoadUnsafe(ref x, u) * Vector256.LoadUnsafe(ref y, u);
        return Lanes(sum);
    }

    // Lane by lane, left to right: Vector256.Sum leaves the order to the hardware.
    public static float Lanes(Vector256<float> v)
    {
        var total = 0f;
        for (var lane = 0; lane < 8; lane++) total += v.GetElement(lane);
        return total;
    }

    public static void Relu(Span<float> values)
    {
        ref var v = ref MemoryMarshal.GetReference(values);
        for (nuint u = 0; u < (nuint)values.Length; u += 8)
            Vector256.StoreUnsafe(Vector256.Max(Vector256.LoadUnsafe(ref v, u), Vector256<float>.Zero), ref v, u);
    }
}
