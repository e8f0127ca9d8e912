using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Bot.Domain.Classification.Training;

namespace Bot.Domain.Classification;

// Everything a dictionary term adds to the scores, packed into one 112-byte record per term and kept
// at the file's precision (8-bit steps and one scale per head, QuantisedRow):
//   bytes 0–39 the joint head's 39 steps, 40–47 the colour head's 3, 48–95 the network's 48,
//   96–107 the three scales (joint, colour, network), then padding.
// Scoring reads about a hundred random terms per message, so bytes moved set the pace: as floats
// the same weights would take 384 bytes a term (the linear heads alone, as floats, took 2.5 µs of
// the 11 a message took).
sealed class ServingWeights
{
    public const int JointAt = 0, ColourAt = 40, NetworkAt = 48, Hidden = 48, Count = NetworkAt + ScoreBlend.Categories;
    const int RecordBytes = 112, ScalesAt = 96;
    readonly byte[] records;
    readonly float[] linearBias = new float[NetworkAt];
    readonly NetworkHead network;

    public ServingWeights(ClassifierModel model)
    {
        network = model.Network;
        if (network.Hidden != Hidden || network.ClassCount != ScoreBlend.Categories || model.Joint.ClassCount != ScoreBlend.Joint)
            throw new InvalidOperationException($"The record layout assumes a joint head of {ScoreBlend.Joint} classes and a network of {Hidden} units.");
        var terms = model.Vocabulary.Count;
        records = new byte[terms * RecordBytes];
        for (var term = 0; term < terms; term++)
        {
            var record = records.AsSpan(term * RecordBytes, RecordBytes);
            var scales = MemoryMarshal.Cast<byte, float>(record.Slice(ScalesAt, 3 * sizeof(float)));
            scales[0] = Pack(model.Joint, term, record[JointAt..]);
            scales[1] = Pack(model.Colour, term, record[ColourAt..]);
            var input = network.InputOf[term];
            if (input < 0) continue;
            MemoryMarshal.AsBytes(network.InputSteps.AsSpan(input * Hidden, Hidden)).CopyTo(record[NetworkAt..]);
            scales[2] = network.InputScales[input];
        }
        for (var k = 0; k < ScoreBlend.Joint; k++) linearBias[JointAt + k] = (float)model.Joint.Bias[k];
        for (var k = 0; k < ScoreBlend.Colours; k++) linearBias[ColourAt + k] = (float)model.Colour.Bias[k];
    }

    // The head's row for the term is already on QuantisedRow's grid, so quantising it again gives
    // back the stored steps and scale exactly.
    static float Pack(LinearHead head, int term, Span<byte> target)
    {
        Span<sbyte> steps = stackalloc sbyte[head.ClassCount];
        var scale = QuantisedRow.Quantise(head.Weights.AsSpan(term * head.ClassCount, head.ClassCount), steps);
        MemoryMarshal.AsBytes(steps).CopyTo(target);
        return scale;
    }

    public float JointWeight(int term, int jointClass)
    {
        var record = records.AsSpan(term * RecordBytes, RecordBytes);
        return (sbyte)record[JointAt + jointClass] * MemoryMarshal.Read<float>(record[ScalesAt..]);
    }

    // Fills scores[0..Count): the joint head's logits at JointAt, the colour head's at ColourAt, the
    // network's at NetworkAt.
    public void Score(ReadOnlySpan<int> ids, ReadOnlySpan<float> values, Span<float> scores)
    {
        ScoreLinear(ids, values, scores);
        ScoreNetwork(ids, values, scores.Slice(NetworkAt, ScoreBlend.Categories));
    }

    // Six accumulators unrolled by hand, which the JIT keeps in registers: five for the joint head,
    // one for the colour head.
    void ScoreLinear(ReadOnlySpan<int> ids, ReadOnlySpan<float> values, Span<float> scores)
    {
        var bias = linearBias.AsSpan();
        var j0 = Vector256.Create(bias[..8]);
        var j1 = Vector256.Create(bias.Slice(8, 8));
        var j2 = Vector256.Create(bias.Slice(16, 8));
        var j3 = Vector256.Create(bias.Slice(24, 8));
        var j4 = Vector256.Create(bias.Slice(32, 8));
        var c0 = Vector256.Create(bias.Slice(40, 8));
        ref var all = ref MemoryMarshal.GetArrayDataReference(records);
        for (var i = 0; i < ids.Length; i++)
        {
            ref var record = ref Unsafe.Add(ref all, ids[i] * RecordBytes);
            var joint = Vector256.Create(values[i] * Unsafe.ReadUnaligned<float>(ref Unsafe.Add(ref record, ScalesAt)));
            var colour = Vector256.Create(values[i] * Unsafe.ReadUnaligned<float>(ref Unsafe.Add(ref record, ScalesAt + 4)));
            j0 += joint * Widen(ref record, JointAt);
            j1 += joint * Widen(ref record, JointAt + 8);
            j2 += joint * Widen(ref record, JointAt + 16);
            j3 += joint * Widen(ref record, JointAt + 24);
            j4 += joint * Widen(ref record, JointAt + 32);
            c0 += colour * Widen(ref record, ColourAt);
        }
        j0.CopyTo(scores);
        j1.CopyTo(scores[8..]);
        j2.CopyTo(scores[16..]);
        j3.CopyTo(scores[24..]);
        j4.CopyTo(scores[32..]);
        c0.CopyTo(scores[40..]);
    }

    // The same terms again for the hidden layer: their records are still in the first-level cache.
    void ScoreNetwork(ReadOnlySpan<int> ids, ReadOnlySpan<float> values, Span<float> logits)
    {
        Span<float> hidden = stackalloc float[Hidden];
        var bias = network.HiddenBias.AsSpan();
        var h0 = Vector256.Create(bias[..8]);
        var h1 = Vector256.Create(bias.Slice(8, 8));
        var h2 = Vector256.Create(bias.Slice(16, 8));
        var h3 = Vector256.Create(bias.Slice(24, 8));
        var h4 = Vector256.Create(bias.Slice(32, 8));
        var h5 = Vector256.Create(bias.Slice(40, 8));
        ref var all = ref MemoryMarshal.GetArrayDataReference(records);
        for (var i = 0; i < ids.Length; i++)
        {
            ref var record = ref Unsafe.Add(ref all, ids[i] * RecordBytes);
            var factor = Vector256.Create(values[i] * Unsafe.ReadUnaligned<float>(ref Unsafe.Add(ref record, ScalesAt + 8)));
            h0 += factor * Widen(ref record, NetworkAt);
            h1 += factor * Widen(ref record, NetworkAt + 8);
            h2 += factor * Widen(ref record, NetworkAt + 16);
            h3 += factor * Widen(ref record, NetworkAt + 24);
            h4 += factor * Widen(ref record, NetworkAt + 32);
            h5 += factor * Widen(ref record, NetworkAt + 40);
        }
        h0.CopyTo(hidden);
        h1.CopyTo(hidden[8..]);
        h2.CopyTo(hidden[16..]);
        h3.CopyTo(hidden[24..]);
        h4.CopyTo(hidden[32..]);
        h5.CopyTo(hidden[40..]);
        NetworkMath.Relu(hidden);
        for (var k = 0; k < logits.Length; k++)
            logits[k] = network.OutputBias[k] + NetworkMath.Dot(network.OutputWeights.AsSpan(k * Hidden, Hidden), hidden);
    }

    // Eight signed steps to eight floats: one vpmovsxbd and one vcvtdq2ps where AVX2 is there. The
    // 16-byte load never leaves the record: the last one starts at byte 88 of 112.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256<float> Widen(ref byte record, int at)
    {
        var steps = Vector128.LoadUnsafe(ref Unsafe.As<byte, sbyte>(ref record), (nuint)at);
        if (Avx2.IsSupported) return Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(steps));
        var shorts = Vector128.WidenLower(steps);
        return Vector256.ConvertToSingle(Vector256.Create(Vector128.WidenLower(shorts), Vector128.WidenUpper(shorts)));
    }
}
