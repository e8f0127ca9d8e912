using Bot.Domain.Classification.Features;

namespace Bot.Domain.Classification.Evaluation;

// Near-duplicates by Jaccard similarity of the sets of character bigrams of the normalised text.
public static class NearDuplicates
{
    public const double Threshold = 0.8;

    // Line numbers in the reports assume one header line; indices here are into the examples.
    public static IReadOnlyList<(int A, int B, double Similarity)> Within(IReadOnlyList<string> texts)
    {
        var sets = texts.Select(Bigrams).ToArray();
        var pairs = new List<(int, int, double)>();
        for (var a = 0; a < sets.Length; a++)
            for (var b = a + 1; b < sets.Length; b++)
                if (Similarity(sets[a], sets[b]) is var s and >= Threshold) pairs.Add((a, b, s));
        return pairs;
    }

    // How many texts occur in reference exactly (after normalisation) or nearly.
    public static (int Exact, int Near) Overlap(IReadOnlyList<string> texts, IReadOnlyList<string> reference)
    {
        var exact = reference.Select(TextNormaliser.Normalise).ToHashSet(StringComparer.Ordinal);
        var sets = reference.Select(Bigrams).ToArray();
        int exactCount = 0, nearCount = 0;
        foreach (var text in texts)
        {
            if (exact.Contains(TextNormaliser.Normalise(text))) exactCount++;
            else
            {
                var set = Bigrams(text);
                if (sets.Any(s => Similarity(set, s) >= Threshold)) nearCount++;
            }
        }
        return (exactCount, nearCount);
    }

    static int[] Bigrams(string text)
    {
        var s = TextNormaliser.Normalise(text);
        var set = new HashSet<int>();
        for (var i = 0; i + 1 < s.Length; i++) set.Add(s[i] << 16 | s[i + 1]);
        if (s.Length == 1) set.Add(s[0]);
        var sorted = set.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    static double Similarity(int[] a, int[] b)
    {
        if (a.Length == 0 || b.Length == 0) return a.Length == b.Length ? 1 : 0;
        // |A∩B| / |A∪B| ≥ t needs min/max size ≥ t: skip pairs too different in size.
        if (Math.Min(a.Length, b.Length) < Threshold * Math.Max(a.Length, b.Length)) return 0;
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { common++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return common / (double)(a.Length + b.Length - common);
    }
}
