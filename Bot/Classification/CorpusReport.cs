using Bot.Domain.Classification;
using Bot.Domain.Classification.Evaluation;
using Bot.Domain.Demands;

namespace Bot.Classification;

// `classifier check-corpus`: what the corpus holds and which lines nearly repeat each other.
static class CorpusReport
{
    public static void Print(IReadOnlyList<LabelledText> corpus)
    {
        Console.WriteLine($"{corpus.Count} examples");
        Console.WriteLine("category      count  green  blue orange");
        foreach (var category in Enum.GetValues<Category>())
        {
            var inCategory = corpus.Where(e => e.Category == category).ToArray();
            Console.WriteLine($"{category.Code(),-12} {inCategory.Length,6} " + string.Concat(Enum.GetValues<Colour>().Select(c => $"{inCategory.Count(e => e.Colour == c),6}")));
        }
        var colours = string.Join(", ", Enum.GetValues<Colour>().Select(c => $"{c.Code()} {corpus.Count(e => e.Colour == c)}"));
        Console.WriteLine($"colours: {colours}");
        Console.WriteLine($"English (no CJK character): {Share(corpus, e => !e.Text.Any(IsCjk)):P1}");
        Console.WriteLine($"short (≤ 6 characters): {Share(corpus, e => e.Text.Length <= 6):P1}");

        var duplicates = NearDuplicates.Within(corpus.Select(e => e.Text).ToArray());
        Console.WriteLine($"near-duplicate pairs (char-bigram Jaccard ≥ {NearDuplicates.Threshold}): {duplicates.Count}");
        foreach (var (a, b, similarity) in duplicates.Take(30))
        {
            var conflict = corpus[a].Category != corpus[b].Category || corpus[a].Colour != corpus[b].Colour ? "  LABELS DIFFER" : "";
            Console.WriteLine($"  lines {a + 2} and {b + 2} ({similarity:0.00}){conflict}: {corpus[a].Text} | {corpus[b].Text}");
        }
        if (duplicates.Count > 30) Console.WriteLine($"  ... and {duplicates.Count - 30} more");
    }

    static double Share(IReadOnlyList<LabelledText> corpus, Func<LabelledText, bool> test) =>
        corpus.Count == 0 ? 0 : corpus.Count(test) / (double)corpus.Count;

    static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF';
}
