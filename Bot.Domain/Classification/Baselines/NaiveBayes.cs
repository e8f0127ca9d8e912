using Bot.Domain.Classification.Features;
using Bot.Domain.Classification.Training;
using Bot.Domain.Demands;

namespace Bot.Domain.Classification.Baselines;

// Multinomial naive Bayes on raw n-gram counts (same terms as the model) with additive smoothing.
public sealed class NaiveBayes
{
    // Light smoothing, as usual for sparse n-grams; not tuned, like the other baselines.
    const double Smoothing = 0.1;
    readonly FeatureSettings features;
    readonly Dictionary<string, int> termIds;
    readonly double[][] categoryLogLikelihood, colourLogLikelihood;
    readonly double[] categoryLogPrior, colourLogPrior;

    NaiveBayes(FeatureSettings features, Dictionary<string, int> termIds, IReadOnlyList<LabelledText> examples)
    {
        this.features = features;
        this.termIds = termIds;
        var counted = examples.Select(e => Count(e.Text)).ToArray();
        (categoryLogPrior, categoryLogLikelihood) = Fit(counted, examples.Select(e => (int)e.Category).ToArray(), Enum.GetValues<Category>().Length);
        (colourLogPrior, colourLogLikelihood) = Fit(counted, examples.Select(e => (int)e.Colour).ToArray(), Enum.GetValues<Colour>().Length);
    }

    public static NaiveBayes Train(IReadOnlyList<LabelledText> examples, FeatureSettings features)
    {
        var terms = examples.SelectMany(e => Vocabulary.TermsOf(e.Text, features)).Distinct().Order(StringComparer.Ordinal)
            .Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);
        return new NaiveBayes(features, terms, examples);
    }

    public ClassifierScores Scores(string text)
    {
        var counts = Count(text);
        var category = Posterior(counts, categoryLogPrior, categoryLogLikelihood);
        var colour = Posterior(counts, colourLogPrior, colourLogLikelihood);
        return new ClassifierScores(category, colour, category, colour,
            (Category)Array.IndexOf(category, category.Max()), (Colour)Array.IndexOf(colour, colour.Max()), IsConfident: false);
    }

    Dictionary<int, int> Count(string text)
    {
        var counts = new Dictionary<int, int>();
        foreach (var term in Vocabulary.TermsOf(text, features))
            if (termIds.TryGetValue(term, out var id)) counts[id] = counts.GetValueOrDefault(id) + 1;
        return counts;
    }

    (double[] Prior, double[][] LogLikelihood) Fit(IReadOnlyList<Dictionary<int, int>> counted, int[] labels, int classes)
    {
        var termCounts = Enumerable.Range(0, classes).Select(_ => new double[termIds.Count]).ToArray();
        var prior = new double[classes];
        for (var i = 0; i < labels.Length; i++)
        {
            prior[labels[i]]++;
            foreach (var (id, n) in counted[i]) termCounts[labels[i]][id] += n;
        }
        var logLikelihood = termCounts.Select(row =>
        {
            var total = row.Sum() + Smoothing * row.Length;
            return row.Select(n => Math.Log((n + Smoothing) / total)).ToArray();
        }).ToArray();
        return (prior.Select(n => Math.Log((n + 1) / (labels.Length + classes))).ToArray(), logLikelihood);
    }

    static double[] Posterior(Dictionary<int, int> counts, double[] prior, double[][] logLikelihood)
    {
        var scores = (double[])prior.Clone();
        for (var c = 0; c < scores.Length; c++)
            foreach (var (id, n) in counts) scores[c] += n * logLikelihood[c][id];
        Softmax.InPlace(scores);
        return scores;
    }
}
