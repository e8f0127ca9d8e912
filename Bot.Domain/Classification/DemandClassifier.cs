using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Bot.Domain.Classification.Features;
using Bot.Domain.Classification.Training;
using Bot.Domain.Demands;

namespace Bot.Domain.Classification;

// Serves a trained model. Immutable after construction, so one instance serves every thread.
public sealed class DemandClassifier
{
    // 13 category scores and 3 colour scores per feature fill one 64-byte row: two 8-float loads.
    const int Categories = 13, Colours = 3, Stride = 16;
    readonly float[] weights;
    readonly float[] bias = new float[Stride];
    readonly Vocabulary vocabulary;

    DemandClassifier(ClassifierModel model, string version, ConfidenceRule rule)
    {
        if (Enum.GetValues<Category>().Length != Categories || Enum.GetValues<Colour>().Length != Colours)
            throw new InvalidOperationException("The score layout assumes 13 categories and 3 colours.");
        Model = model;
        Version = version;
        Rule = rule;
        vocabulary = model.Vocabulary;
        weights = new float[vocabulary.Count * Stride];
        for (var j = 0; j < vocabulary.Count; j++)
        {
            for (var k = 0; k < Categories; k++) weights[j * Stride + k] = (float)model.Category.Weights[j * Categories + k];
            for (var k = 0; k < Colours; k++) weights[j * Stride + Categories + k] = (float)model.Colour.Weights[j * Colours + k];
        }
        for (var k = 0; k < Categories; k++) bias[k] = (float)model.Category.Bias[k];
        for (var k = 0; k < Colours; k++) bias[Categories + k] = (float)model.Colour.Bias[k];
    }

    public ClassifierModel Model { get; }
    public string Version { get; }
    public ConfidenceRule Rule { get; }

    public static DemandClassifier Load(string path)
    {
        var (model, version) = ModelFile.Read(path);
        return new DemandClassifier(model, version, model.ConfidenceRule);
    }

    public static DemandClassifier Load(ClassifierOptions options)
    {
        var (model, version) = ModelFile.Read(options.ResolvedPath(options.ModelPath));
        return From(model, version, options);
    }

    // The configured confidence rule, where one is set, overrides the one the model carries.
    public static DemandClassifier From(ClassifierModel model, string version, ClassifierOptions options) =>
        new(model, version, new ConfidenceRule(options.MinProbability ?? model.ConfidenceRule.MinProbability,
            options.MinMargin ?? model.ConfidenceRule.MinMargin));

    public static DemandClassifier FromModel(ClassifierModel model) => new(model, ModelFile.VersionOf(model), model.ConfidenceRule);

    public Classification Classify(string text)
    {
        Span<float> logits = stackalloc float[Stride];
        Score(text, logits);
        Span<double> category = stackalloc double[Categories];
        Span<double> colour = stackalloc double[Colours];
        Calibrate(logits, category, colour);
        var (best, second) = TopTwo(category);
        var decided = Model.ColourCosts.Decide(colour);
        return new Classification((Category)best, decided, category[best], colour[(int)decided],
            Rule.Accepts(category[best], category[second]), Version);
    }

    // Everything evaluation and explanation need; allocates, so not for the message path.
    public ClassifierScores Scores(string text)
    {
        Span<float> logits = stackalloc float[Stride];
        Score(text, logits);
        var category = new double[Categories];
        var colour = new double[Colours];
        Calibrate(logits, category, colour);
        var rawCategory = new double[Categories];
        var rawColour = new double[Colours];
        for (var k = 0; k < Categories; k++) rawCategory[k] = logits[k];
        for (var k = 0; k < Colours; k++) rawColour[k] = logits[Categories + k];
        Softmax.InPlace(rawCategory);
        Softmax.InPlace(rawColour);
        var (best, second) = TopTwo(category);
        return new ClassifierScores(category, colour, rawCategory, rawColour, (Category)best,
            Model.ColourCosts.Decide(colour), Rule.Accepts(category[best], category[second]));
    }

    // The terms that pushed the text towards category most (weight × feature value).
    public IReadOnlyList<(string Term, double Contribution)> TopFeatures(string text, Category category, int count)
    {
        using var vector = vocabulary.Vectorise(text);
        var contributions = new List<(string, double)>();
        for (var i = 0; i < vector.Ids.Length; i++)
            contributions.Add((Readable(vocabulary.Terms[vector.Ids[i]]), vector.Values[i] * weights[vector.Ids[i] * Stride + (int)category]));
        return contributions.OrderByDescending(c => c.Item2).Take(count).ToArray();
    }

    static string Readable(string term) => term.Replace(TextNormaliser.RunStart, '^').Replace(TextNormaliser.RunEnd, '$')
        .Replace(TextNormaliser.WordStart, '^').Replace(TextNormaliser.WordEnd, '$');

    void Score(string text, Span<float> logits)
    {
        using var vector = vocabulary.Vectorise(text);
        ref var w = ref MemoryMarshal.GetArrayDataReference(weights);
        var low = Vector256.Create(bias.AsSpan(0, 8));
        var high = Vector256.Create(bias.AsSpan(8, 8));
        var ids = vector.Ids;
        var values = vector.Values;
        for (var i = 0; i < ids.Length; i++)
        {
            var value = Vector256.Create(values[i]);
            ref var row = ref Unsafe.Add(ref w, ids[i] * Stride);
            low += value * Vector256.LoadUnsafe(ref row);
            high += value * Vector256.LoadUnsafe(ref row, 8);
        }
        low.CopyTo(logits);
        high.CopyTo(logits[8..]);
    }

    void Calibrate(ReadOnlySpan<float> logits, Span<double> category, Span<double> colour)
    {
        for (var k = 0; k < Categories; k++) category[k] = logits[k] / Model.CategoryTemperature;
        for (var k = 0; k < Colours; k++) colour[k] = logits[Categories + k] / Model.ColourTemperature;
        Softmax.InPlace(category);
        Softmax.InPlace(colour);
    }

    static (int Best, int Second) TopTwo(ReadOnlySpan<double> p)
    {
        int best = 0, second = 1;
        if (p[1] > p[0]) (best, second) = (1, 0);
        for (var k = 2; k < p.Length; k++)
            if (p[k] > p[best]) (second, best) = (best, k);
            else if (p[k] > p[second]) second = k;
        return (best, second);
    }
}
