using Bot.Domain.Classification.Features;

namespace Bot.Domain.Classification.Training;

// Out-of-fold logits: each example scored by a model that never saw it.
public sealed record OutOfFoldScores(double[][] CategoryLogits, double[][] ColourLogits);

public sealed record TrainingResult(ClassifierModel Model, OutOfFoldScores OutOfFold);

public static class ClassifierTrainer
{
    public static TrainingResult Train(IReadOnlyList<LabelledText> examples, TrainingSettings settings)
    {
        if (examples.Count == 0) throw new ArgumentException("no training examples", nameof(examples));
        var categories = examples.Select(e => (int)e.Category).ToArray();
        var colours = examples.Select(e => (int)e.Colour).ToArray();
        var folds = StratifiedFolds.Assign(categories, settings.CalibrationFolds, settings.Seed);
        var outOfFold = new OutOfFoldScores(new double[examples.Count][], new double[examples.Count][]);
        Fitted? full = null;

        // Task k (< folds) fits on everything outside fold k and scores fold k; the last task fits
        // the shipped model on everything. The tasks share nothing, so running them in parallel
        // leaves the result exactly as a sequential run would.
        Parallel.For(0, settings.CalibrationFolds + 1, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, task =>
        {
            if (task == settings.CalibrationFolds)
            {
                full = Fit(examples, settings);
                return;
            }
            var held = Enumerable.Range(0, examples.Count).Where(i => folds[i] == task).ToArray();
            var fitted = Fit(Enumerable.Range(0, examples.Count).Where(i => folds[i] != task).Select(i => examples[i]).ToArray(), settings);
            var rows = SparseRows.From(fitted.Vocabulary, held.Select(i => examples[i].Text).ToArray());
            for (var r = 0; r < held.Length; r++)
            {
                var (category, colour) = fitted.BlendedLogits(rows, r);
                outOfFold.CategoryLogits[held[r]] = category;
                outOfFold.ColourLogits[held[r]] = colour;
            }
        });

        var categoryTemperature = TemperatureScaling.Fit(outOfFold.CategoryLogits, categories);
        var colourTemperature = TemperatureScaling.Fit(outOfFold.ColourLogits, colours);
        var decisions = outOfFold.CategoryLogits.Select((logits, i) =>
        {
            var p = TemperatureScaling.Probabilities(logits, categoryTemperature);
            var order = Enumerable.Range(0, p.Length).OrderByDescending(k => p[k]).ToArray();
            return (p[order[0]], p[order[1]], order[0] == categories[i]);
        }).ToArray();
        var rule = ConfidenceRule.Choose(decisions, TrainingSettings.AutoAcceptAccuracy);

        var model = new ClassifierModel(settings, full!.Vocabulary, full.Colour, full.Joint, full.Network,
            categoryTemperature, colourTemperature, rule, ColourCosts.Default);
        return new TrainingResult(model, outOfFold);
    }

    // Corrections from the team replace corpus lines with the same text in place (the order decides the
    // calibration folds, so a correction that agrees with the corpus changes nothing) and are otherwise added.
    public static IReadOnlyList<LabelledText> WithCorrections(IReadOnlyList<LabelledText> corpus, IReadOnlyList<LabelledText> corrections)
    {
        var latest = corrections.GroupBy(c => c.Text).ToDictionary(g => g.Key, g => g.Last());
        var inCorpus = corpus.Select(e => e.Text).ToHashSet();
        return corpus.Select(e => latest.GetValueOrDefault(e.Text, e))
            .Concat(latest.Values.Where(c => !inCorpus.Contains(c.Text))).ToArray();
    }

    public sealed record Fitted(Vocabulary Vocabulary, LinearHead Colour, LinearHead Joint, NetworkHead Network, double NetworkWeight)
    {
        public (double[] Category, double[] Colour) BlendedLogits(SparseRows rows, int row)
        {
            var category = new double[Network.ClassCount];
            var colour = new double[Colour.ClassCount];
            Span<double> joint = stackalloc double[Joint.ClassCount];
            Network.Logits(rows, row, category);
            Colour.Logits(rows, row, colour);
            Joint.Logits(rows, row, joint);
            ScoreBlend.Apply(category, colour, joint, NetworkWeight);
            return (category, colour);
        }
    }

    public static Fitted Fit(IReadOnlyList<LabelledText> examples, TrainingSettings settings)
    {
        var texts = examples.Select(e => e.Text).ToArray();
        var vocabulary = Vocabulary.Build(texts, settings.Features);
        var rows = SparseRows.From(vocabulary, texts);
        var colour = SoftmaxRegression.Fit(rows, examples.Select(e => (int)e.Colour).ToArray(),
            ScoreBlend.Colours, settings.Colour.L2, settings.Colour.Weighting);
        var joint = SoftmaxRegression.Fit(rows, examples.Select(e => ScoreBlend.JointClass((int)e.Category, (int)e.Colour)).ToArray(),
            ScoreBlend.Joint, settings.Joint.L2, settings.Joint.Weighting);
        var network = NetworkTraining.Fit(rows, examples.Select(e => (int)e.Category).ToArray(), ScoreBlend.Categories,
            settings.Network, settings.Seed);
        return new Fitted(vocabulary, colour.Quantised(), joint.Quantised(), network, settings.Network.BlendWeight);
    }
}
