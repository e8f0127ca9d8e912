namespace Bot.Domain.Classification.Training;

// One feature's class scores stored as a single-precision scale and one signed byte per class: the
// largest score in magnitude becomes ±127 steps. Three heads of 55 scores then take 61 bytes per
// feature instead of 110 in half precision, which keeps the model file under 5 MB as the dictionary
// grows. Quantising an expanded row gives back the same scale and steps, so a model survives any
// number of writes and reads unchanged.
public static class QuantisedRow
{
    const int Steps = 127;

    public static float Quantise(ReadOnlySpan<double> scores, Span<sbyte> steps)
    {
        var largest = 0.0;
        foreach (var score in scores) largest = Math.Max(largest, Math.Abs(score));
        var scale = (float)(largest / Steps);
        for (var k = 0; k < scores.Length; k++)
            steps[k] = scale == 0 ? (sbyte)0 : (sbyte)Math.Clamp(Math.Round(scores[k] / scale), -Steps, Steps);
        return scale;
    }

    public static void Expand(float scale, ReadOnlySpan<sbyte> steps, Span<double> scores)
    {
        for (var k = 0; k < steps.Length; k++) scores[k] = steps[k] * (double)scale;
    }
}
