using System.Buffers;

namespace Bot.Domain.Classification.Features;

// A sparse feature vector over pooled arrays: dispose it to hand them back, so classifying
// a message allocates nothing once the pool is warm.
public readonly struct FeatureVector(int[] ids, float[] values, int count) : IDisposable
{
    public ReadOnlySpan<int> Ids => ids.AsSpan(0, count);
    public ReadOnlySpan<float> Values => values.AsSpan(0, count);

    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(ids);
        ArrayPool<float>.Shared.Return(values);
    }
}
