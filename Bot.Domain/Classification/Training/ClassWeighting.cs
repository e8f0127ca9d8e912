namespace Bot.Domain.Classification.Training;

// How much each training example counts, by its class: Balanced gives every class the same total
// weight, SquareRoot goes half way (in log space) from None to Balanced.
public enum ClassWeighting { None, SquareRoot, Balanced }

public static class ClassWeights
{
    public static double[] PerExample(IReadOnlyList<int> labels, int classCount, ClassWeighting weighting)
    {
        var counts = new int[classCount];
        foreach (var label in labels) counts[label]++;
        var perClass = new double[classCount];
        for (var c = 0; c < classCount; c++)
        {
            var balanced = counts[c] == 0 ? 0 : labels.Count / (double)(classCount * counts[c]);
            perClass[c] = weighting switch
            {
                ClassWeighting.Balanced => balanced,
                ClassWeighting.SquareRoot => Math.Sqrt(balanced),
                _ => 1.0,
            };
        }
        return labels.Select(l => perClass[l]).ToArray();
    }
}
