using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Bot.Domain.Classification.Training;

// Inputs are the terms found in at least MinDocumentFrequency training texts; BlendWeight is the
// network's share of the served category log-probabilities (ScoreBlend).
public sealed record NetworkSettings(int MinDocumentFrequency, int Hidden, int Epochs, double LearningRate, double Dropout, double BlendWeight);

// Fits a NetworkHead by mini-batch Adam on the cross-entropy, with dropout on the
// hidden units. Only the embeddings of the inputs a batch touched are updated (lazy Adam), which is
// what makes a 50,000-input layer cheap. Deterministic: the seed drives the initial weights, the
// order of examples and the dropout, and every sum runs in a fixed order.
public static class NetworkTraining
{
    const int BatchSize = 32;
    const float Beta1 = 0.9f, Beta2 = 0.999f, Epsilon = 1e-8f;

    public static NetworkHead Fit(SparseRows rows, IReadOnlyList<int> labels, int classCount, NetworkSettings settings, int seed)
    {
        var hidden = settings.Hidden;
        if (hidden <= 0 || hidden % 8 != 0) throw new ArgumentException($"hidden units must be a positive multiple of 8, not {hidden}", nameof(settings));
        var inputOf = InputsOf(rows, settings.MinDocumentFrequency, out var inputCount);
        var random = new Random(seed);
        var network = new Network(inputOf, hidden,
            Uniform(random, inputCount * hidden, MathF.Sqrt(6f / (TypicalTerms + hidden))),
            new float[hidden],
            Uniform(random, classCount * hidden, MathF.Sqrt(6f / (hidden + classCount))),
            new float[classCount]);
        var adam = new AdamState(network);
        var gradients = new BatchGradients(hidden, classCount, inputCount);
        var order = Enumerable.Range(0, rows.RowCount).ToArray();
        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            random.Shuffle(order);
            for (var start = 0; start < order.Length; start += BatchSize)
            {
                var batch = order.AsSpan(start, Math.Min(BatchSize, order.Length - start));
                gradients.Clear();
                foreach (var row in batch)
                    gradients.Accumulate(network, rows, row, labels[row], (float)settings.Dropout, random);
                adam.Step(network, gradients, batch.Length, (float)settings.LearningRate);
            }
        }
        return NetworkHead.Quantise(network.InputOf, hidden, network.InputWeights, network.HiddenBias, network.OutputWeights, network.OutputBias);
    }

    // The network while it learns: every weight in single precision.
    sealed record Network(int[] InputOf, int Hidden, float[] InputWeights, float[] HiddenBias, float[] OutputWeights, float[] OutputBias);

    // The fan-in taken for the initial embeddings' Glorot-style range: a message sums 60 to 100 of them.
    const int TypicalTerms = 60;

    static int[] InputsOf(SparseRows rows, int minDocumentFrequency, out int count)
    {
        var documents = new int[rows.ColumnCount];
        foreach (var column in rows.Columns) documents[column]++;
        var inputOf = new int[rows.ColumnCount];
        count = 0;
        for (var j = 0; j < inputOf.Length; j++) inputOf[j] = documents[j] >= minDocumentFrequency ? count++ : -1;
        return inputOf;
    }

    static float[] Uniform(Random random, int count, float limit)
    {
        var values = new float[count];
        for (var i = 0; i < count; i++) values[i] = (float)(random.NextDouble() * 2 - 1) * limit;
        return values;
    }

    // One batch's gradients, summed over its examples.
    sealed class BatchGradients(int hidden, int classCount, int inputCount)
    {
        public readonly float[] InputGradient = new float[inputCount * hidden];
        public readonly float[] HiddenBias = new float[hidden];
        public readonly float[] OutputWeights = new float[classCount * hidden];
        public readonly float[] OutputBias = new float[classCount];
        public readonly List<int> Touched = [];
        readonly bool[] touched = new bool[inputCount];
        readonly float[] activation = new float[hidden];
        readonly float[] keep = new float[hidden];
        readonly float[] back = new float[hidden];
        readonly double[] output = new double[classCount];

        public void Clear()
        {
            foreach (var input in Touched)
            {
                InputGradient.AsSpan(input * hidden, hidden).Clear();
                touched[input] = false;
            }
            Touched.Clear();
            Array.Clear(HiddenBias);
            Array.Clear(OutputWeights);
            Array.Clear(OutputBias);
        }

        public void Accumulate(Network network, SparseRows rows, int row, int label, float dropout, Random random)
        {
            network.HiddenBias.CopyTo(activation, 0);
            for (var p = rows.RowStart[row]; p < rows.RowStart[row + 1]; p++)
            {
                var input = network.InputOf[rows.Columns[p]];
                if (input >= 0) NetworkMath.AddScaled(activation, network.InputWeights.AsSpan(input * hidden, hidden), rows.Values[p]);
            }
            // keep[u] carries ReLU's gate and inverted dropout together: 0, or 1 / (1 − dropout).
            var kept = 1f / (1f - dropout);
            for (var u = 0; u < hidden; u++)
            {
                keep[u] = activation[u] > 0 && random.NextDouble() >= dropout ? kept : 0f;
                activation[u] *= keep[u];
            }
            for (var k = 0; k < classCount; k++)
                output[k] = network.OutputBias[k] + NetworkMath.Dot(network.OutputWeights.AsSpan(k * hidden, hidden), activation);
            Softmax.InPlace(output);
            output[label] -= 1;
            Array.Clear(back);
            for (var k = 0; k < classCount; k++)
            {
                var residual = (float)output[k];
                OutputBias[k] += residual;
                NetworkMath.AddScaled(OutputWeights.AsSpan(k * hidden, hidden), activation, residual);
                NetworkMath.AddScaled(back, network.OutputWeights.AsSpan(k * hidden, hidden), residual);
            }
            Multiply(back, keep);
            NetworkMath.AddScaled(HiddenBias, back, 1f);
            for (var p = rows.RowStart[row]; p < rows.RowStart[row + 1]; p++)
            {
                var input = network.InputOf[rows.Columns[p]];
                if (input < 0) continue;
                if (!touched[input])
                {
                    touched[input] = true;
                    Touched.Add(input);
                }
                NetworkMath.AddScaled(InputGradient.AsSpan(input * hidden, hidden), back, rows.Values[p]);
            }
        }

        static void Multiply(Span<float> target, ReadOnlySpan<float> by)
        {
            for (var u = 0; u < target.Length; u++) target[u] *= by[u];
        }
    }

    sealed class AdamState(Network network)
    {
        readonly Moments input = new(network.InputWeights.Length), hiddenBias = new(network.HiddenBias.Length),
            outputWeights = new(network.OutputWeights.Length), outputBias = new(network.OutputBias.Length);
        int step;

        public void Step(Network network, BatchGradients gradients, int batchSize, float learningRate)
        {
            step++;
            var rate = learningRate * (float)(Math.Sqrt(1 - Math.Pow(Beta2, step)) / (1 - Math.Pow(Beta1, step)));
            var mean = 1f / batchSize;
            var hidden = network.Hidden;
            foreach (var row in gradients.Touched)
                input.Update(network.InputWeights, gradients.InputGradient, row * hidden, hidden, mean, rate);
            hiddenBias.Update(network.HiddenBias, gradients.HiddenBias, 0, hidden, mean, rate);
            outputWeights.Update(network.OutputWeights, gradients.OutputWeights, 0, network.OutputWeights.Length, mean, rate);
            outputBias.Update(network.OutputBias, gradients.OutputBias, 0, network.OutputBias.Length, mean, rate);
        }
    }

    // Adam's first and second moments for one parameter array. An embedding row's moments only decay
    // when its input occurs (lazy Adam), as the sparse variants of the optimiser do.
    sealed class Moments(int count)
    {
        readonly float[] first = new float[count], second = new float[count];

        public void Update(float[] weights, float[] gradient, int from, int length, float mean, float rate)
        {
            var u = from;
            ref var w = ref MemoryMarshal.GetArrayDataReference(weights);
            ref var g = ref MemoryMarshal.GetArrayDataReference(gradient);
            ref var m = ref MemoryMarshal.GetArrayDataReference(first);
            ref var v = ref MemoryMarshal.GetArrayDataReference(second);
            float firstShare = (1 - Beta1) * mean, secondShare = (1 - Beta2) * mean * mean;
            var b1 = Vector256.Create(Beta1);
            var b2 = Vector256.Create(Beta2);
            var c1 = Vector256.Create(firstShare);
            var c2 = Vector256.Create(secondShare);
            var step = Vector256.Create(rate);
            var epsilon = Vector256.Create(Epsilon);
            for (; u <= from + length - 8; u += 8)
            {
                var at = (nuint)u;
                var grad = Vector256.LoadUnsafe(ref g, at);
                var m1 = b1 * Vector256.LoadUnsafe(ref m, at) + c1 * grad;
                var v1 = b2 * Vector256.LoadUnsafe(ref v, at) + c2 * (grad * grad);
                m1.StoreUnsafe(ref m, at);
                v1.StoreUnsafe(ref v, at);
                (Vector256.LoadUnsafe(ref w, at) - step * m1 / (Vector256.Sqrt(v1) + epsilon)).StoreUnsafe(ref w, at);
            }
            for (; u < from + length; u++)
            {
                var grad = gradient[u];
                first[u] = Beta1 * first[u] + firstShare * grad;
                second[u] = Beta2 * second[u] + secondShare * (grad * grad);
                weights[u] -= rate * first[u] / (MathF.Sqrt(second[u]) + Epsilon);
            }
        }
    }
}
