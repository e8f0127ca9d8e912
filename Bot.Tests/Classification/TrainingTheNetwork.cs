using Bot.Domain.Classification.Features;
using Bot.Domain.Classification.Training;

namespace Bot.Tests.Classification;

public sealed class TrainingTheNetwork
{
    // Words alone, no bigrams or sub-words: a pair of words is then only the sum of its two words.
    static readonly FeatureSettings WordsOnly = new(MaxCharGram: 1, MaxWordGram: 1, MaxWordCharGram: 0, MinDocumentFrequency: 1);

    // "pipe" is water next to "tap" and roads next to "bridge"; "lamp" the other way round. No weight
    // per word can say that: a linear head gets at most three of the four pairs right.
    static (SparseRows Rows, int[] Labels, SparseRows Pairs) CrossedPairs()
    {
        (string Text, int Label)[] pairs = [("pipe tap", 0), ("lamp bridge", 0), ("pipe bridge", 1), ("lamp tap", 1)];
        var texts = Enumerable.Repeat(pairs, 40).SelectMany(p => p).ToArray();
        var vocabulary = Vocabulary.Build(texts.Select(t => t.Text), WordsOnly);
        return (SparseRows.From(vocabulary, texts.Select(t => t.Text).ToArray()), texts.Select(t => t.Label).ToArray(),
            SparseRows.From(vocabulary, pairs.Select(p => p.Text).ToArray()));
    }

    delegate void Scorer(SparseRows rows, int row, Span<double> logits);

    static int Decide(Scorer logits, SparseRows rows, int row)
    {
        Span<double> scores = stackalloc double[2];
        logits(rows, row, scores);
        return scores[1] > scores[0] ? 1 : 0;
    }

    static readonly NetworkSettings Small = new(MinDocumentFrequency: 1, Hidden: 16, Epochs: 60, LearningRate: 0.01, Dropout: 0, BlendWeight: 0.4);

    [Fact]
    public void The_network_learns_what_words_mean_together_where_a_linear_head_cannot()
    {
        var (rows, labels, pairs) = CrossedPairs();

        var network = NetworkTraining.Fit(rows, labels, 2, Small, seed: 1);
        var linear = SoftmaxRegression.Fit(rows, labels, 2, 1e-5, ClassWeighting.None);

        int[] expected = [0, 0, 1, 1];
        Assert.Equal(expected, Enumerable.Range(0, 4).Select(r => Decide(network.Logits, pairs, r)));
        Assert.True(Enumerable.Range(0, 4).Count(r => Decide(linear.Logits, pairs, r) == expected[r]) <= 3);
    }

    [Fact]
    public void Rare_terms_are_not_inputs()
    {
        var texts = new[] { "pipe tap", "pipe lamp", "pipe bridge" };
        var vocabulary = Vocabulary.Build(texts, WordsOnly);
        var rows = SparseRows.From(vocabulary, texts);

        var network = NetworkTraining.Fit(rows, [0, 1, 0], 2, Small with { MinDocumentFrequency = 2, Epochs = 1 }, seed: 1);

        Assert.Equal(1, network.InputCount);
        Assert.Equal(["pipe"], Enumerable.Range(0, vocabulary.Count).Where(j => network.InputOf[j] >= 0)
            .Select(j => vocabulary.Terms[j].Trim(TextNormaliser.WordStart, TextNormaliser.WordEnd)));
    }

    [Fact]
    public void Hidden_units_must_fill_whole_vectors()
    {
        var (rows, labels, _) = CrossedPairs();

        var error = Assert.Throws<ArgumentException>(() => NetworkTraining.Fit(rows, labels, 2, Small with { Hidden = 12 }, seed: 1));

        Assert.Contains("multiple of 8", error.Message);
    }
}
