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
    // Per feature: 13 category, 3 colour and 39 joint scores, padded to 56 floats: seven 8-float loads.
    const int Categories = ScoreBlend.Categories, Colours = ScoreBlend.Colours, Joint = ScoreBlend.Joint;
    const int ColourAt = Categories, JointAt = Categories + Colours, Vectors = 7, Stride = Vectors * 8;
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
        foreach (var (head, at) in new[] { (model.Category, 0), (model.Colour, ColourAt), (model.Joint, JointAt) })
        {
            for (var j = 0; j < vocabulary.Count; j++)
                for (var k = 0; k < head.ClassCount; k++)
                    weights[j * Stride + at + k] = (float)head.Weights[j * head.ClassCount + k];
            for (var k = 0; k < head.ClassCount; k++) bias[at + k] = (float)head.Bias[k];
        }
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
        Blend(logits, rawCategory, rawColour);
        Softmax.InPlace(rawCategory);
        Softmax.InPlace(rawColour);
        var (best, second) = TopTwo(category);
        return new ClassifierScores(category, colour, rawCategory, rawColour, (Category)best,
            Model.ColourCosts.Decide(colour), Rule.Accepts(category[best], category[second]));
    }

    // The terms that pushed the text towards category most (weight × feature value), read from the
    // category head: the joint head's share of a term does not separate after the blend.
    public IReadOnlyList<(string Term, double Contribution)> TopFeatures(string text, Category category, int count)
    {
        using var vector = vocabulary.Vectorise(text);
        var contributions = new List<(string, double)>();
        for (var i = 0; i < vector.Ids.Length; i++)
            contributions.Add((Readable(vocabulary.Terms[vector.Ids[i]]), vector.Values[i] * weights[vector.Ids[i] * Stride + (int)category]));
        return contributions.OrderByDescending(c => c.Item2).Take(count).ToArray();
    }

    static string Readable(string term) => term[0] == ConceptLexicon.Marker ? $"[{term[1..]}]" : term.Replace(TextNormaliser.RunStart, '^').Replace(TextNormaliser.RunEnd, '$')
        .Replace(TextNormaliser.WordStart, '^').Replace(TextNormaliser.WordEnd, '$');

    void Score(string text, Span<float> logits)
    {
        using var vector = vocabulary.Vectorise(text);
        ref var w = ref MemoryMarshal.GetArrayDataReference(weights);
        // Seven accumulators unrolled by hand: the JIT keeps them all in registers.
        var s0 = Vector256.Create(bias.AsSpan(0, 8));
        var s1 = Vector256.Create(bias.AsSpan(8, 8));
        var s2 = Vector256.Create(bias.AsSpan(16, 8));
        var s3 = Vector256.Create(bias.AsSpan(24, 8));
        var s4 = Vector256.Create(bias.AsSpan(32, 8));
        var s5 = Vector256.Create(bias.AsSpan(40, 8));
        var s6 = Vector256.Create(bias.AsSpan(48, 8));
        var ids = vector.Ids;
        var values = vector.Values;
        for (var i = 0; i < ids.Length; i++)
        {
            var value = Vector256.Create(values[i]);
            ref var row = ref Unsafe.Add(ref w, ids[i] * Stride);
            s0 += value * Vector256.LoadUnsafe(ref row);
            s1 += value * Vector256.LoadUnsafe(ref row, 8);
            s2 += value * Vector256.LoadUnsafe(ref row, 16);
            s3 += value * Vector256.LoadUnsafe(ref row, 24);
            s4 += value * Vector256.LoadUnsafe(ref row, 32);
            s5 += value * Vector256.LoadUnsafe(ref row, 40);
            s6 += value * Vector256.LoadUnsafe(ref row, 48);
        }
        s0.CopyTo(logits);
        s1.CopyTo(logits[8..]);
        s2.CopyTo(logits[16..]);
        s3.CopyTo(logits[24..]);
        s4.CopyTo(logits[32..]);
        s5.CopyTo(logits[40..]);
        s6.CopyTo(logits[48..]);
    }

    static void Blend(ReadOnlySpan<float> logits, Span<double> category, Span<double> colour)
    {
        Span<double> joint = stackalloc double[Joint];
        for (var k = 0; k < Categories; k++) category[k] = logits[k];
        for (var k = 0; k < Colours; k++) colour[k] = logits[ColourAt + k];
        for (var k = 0; k < Joint; k++) joint[k] = logits[JointAt + k];
        ScoreBlend.Apply(category, colour, joint);
    }

    void Calibrate(ReadOnlySpan<float> logits, Span<double> category, Span<double> colour)
    {
        Blend(logits, category, colour);
        for (var k = 0; k < Categories; k++) category[k] /= Model.CategoryTemperature;
        for (var k = 0; k < Colours; k++) colour[k] /= Model.ColourTemperature;
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
