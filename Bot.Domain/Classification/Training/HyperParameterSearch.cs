using Bot.Domain.Classification.Evaluation;
using Bot.Domain.Classification.Features;
using Bot.Domain.Demands;

namespace Bot.Domain.Classification.Training;

// `classifier tune`: k-fold CV on the training corpus, scored by macro-F1. First the n-gram
// settings (a category and a colour head at the current defaults, scored by the sum of the two
// macro-F1s; among those
// within Tolerance of the best, the smallest dictionary wins, because training time and model size
// grow with it and differences that small are fold noise), then each head's L2 strength and class
// weighting on the chosen features; the joint category × colour head takes the category head's. The
// network is not searched here (see docs/classifier.md). The winner is copied by hand into
// TrainingSettings.Default, so training stays fast and the choice is visible in review.
public static class HyperParameterSearch
{
    static readonly double[] L2Grid = [1e-5, 3e-5, 1e-4, 3e-4, 1e-3];
    const double Tolerance = 0.005;

    public static TrainingSettings Run(IReadOnlyList<LabelledText> examples, int folds, int seed, Action<string> log)
    {
        var categories = examples.Select(e => (int)e.Category).ToArray();
        var colours = examples.Select(e => (int)e.Colour).ToArray();
        var fold = StratifiedFolds.Assign(categories, folds, seed + 2);
        var current = TrainingSettings.Default;

        var candidates = new List<(FeatureSettings Features, Split[] Splits, double Score, double Terms)>();
        foreach (var chars in new[] { 2, 3 })
            foreach (var words in new[] { 1, 2 })
                foreach (var wordChars in new[] { 0, 4, 5 })
                    foreach (var minDf in new[] { 1, 2 })
                    {
                        var features = current.Features with { MaxCharGram = chars, MaxWordGram = words, MaxWordCharGram = wordChars, MinDocumentFrequency = minDf };
                        var splits = Prepare(examples, fold, folds, features);
                        var score = MacroF1(splits, categories, Enum.GetValues<Category>().Length, current.Joint)
                                    + MacroF1(splits, colours, Enum.GetValues<Colour>().Length, current.Colour);
                        var terms = splits.Average(s => s.TrainRows.ColumnCount);
                        log(FormattableString.Invariant($"features {features}: category+colour macro-F1 {score:0.0000}, {terms:0} terms"));
                        candidates.Add((features, splits, score, terms));
                    }
        var top = candidates.Max(c => c.Score);
        var (bestFeatures, bestSplits, _, _) = candidates.Where(c => c.Score >= top - Tolerance).MinBy(c => c.Terms);
        log($"features within {Tolerance} of the best ({top:0.0000}) with the smallest dictionary: {bestFeatures}");

        HeadSettings BestHead(string name, int[] labels, int classes)
        {
            HeadSettings? best = null;
            var bestF1 = double.NegativeInfinity;
            foreach (var weighting in Enum.GetValues<ClassWeighting>())
                foreach (var l2 in L2Grid)
                {
                    var head = new HeadSettings(l2, weighting);
                    var f1 = MacroF1(bestSplits, labels, classes, head);
                    log(FormattableString.Invariant($"{name} {head}: macro-F1 {f1:0.0000}"));
                    if (f1 > bestF1) (best, bestF1) = (head, f1);
                }
            return best!;
        }

        return current with
        {
            Features = bestFeatures,
            Joint = BestHead("category (for the joint head)", categories, Enum.GetValues<Category>().Length),
            Colour = BestHead("colour", colours, Enum.GetValues<Colour>().Length),
        };
    }

    sealed record Split(int[] Train, int[] Test, SparseRows TrainRows, SparseRows TestRows);

    static Split[] Prepare(IReadOnlyList<LabelledText> examples, int[] fold, int folds, FeatureSettings features) =>
        Enumerable.Range(0, folds).AsParallel().AsOrdered().Select(f =>
        {
            var train = Enumerable.Range(0, examples.Count).Where(i => fold[i] != f).ToArray();
            var test = Enumerable.Range(0, examples.Count).Where(i => fold[i] == f).ToArray();
            var vocabulary = Vocabulary.Build(train.Select(i => examples[i].Text), features);
            return new Split(train, test, SparseRows.From(vocabulary, train.Select(i => examples[i].Text).ToArray()),
                SparseRows.From(vocabulary, test.Select(i => examples[i].Text).ToArray()));
        }).ToArray();

    static double MacroF1(Split[] splits, int[] labels, int classes, HeadSettings settings)
    {
        var decided = new int[labels.Length];
        var probabilities = new double[labels.Length][];
        Parallel.ForEach(splits, split =>
        {
            var head = SoftmaxRegression.Fit(split.TrainRows, split.Train.Select(i => labels[i]).ToArray(), classes, settings.L2, settings.Weighting);
            for (var r = 0; r < split.Test.Length; r++)
            {
                var logits = new double[classes];
                head.Logits(split.TestRows, r, logits);
                Softmax.InPlace(logits);
                probabilities[split.Test[r]] = logits;
                decided[split.Test[r]] = Array.IndexOf(logits, logits.Max());
            }
        });
        return new HeadReport(labels, decided, probabilities, probabilities, classes).MacroF1;
    }
}
