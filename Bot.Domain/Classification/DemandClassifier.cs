using Bot.Domain.Classification.Features;
using Bot.Domain.Classification.Training;
using Bot.Domain.Demands;

namespace Bot.Domain.Classification;

// Serves a trained model. Immutable after construction, so one instance serves every thread.
public sealed class DemandClassifier
{
    const int Categories = ScoreBlend.Categories, Colours = ScoreBlend.Colours, Joint = ScoreBlend.Joint;
    readonly ServingWeights weights;
    readonly Vocabulary vocabulary;

    DemandClassifier(ClassifierModel model, string version, ConfidenceRule rule)
    {
        if (Enum.GetValues<Category>().Length != Categories || Enum.GetValues<Colour>().Length != Colours)
            throw new InvalidOperationException("The score layout assumes 13 categories and 3 colours.");
        Model = model;
        Version = version;
        Rule = rule;
        vocabulary = model.Vocabulary;
        weights = new ServingWeights(model);
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
        Span<float> logits = stackalloc float[ServingWeights.Count];
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
        Span<float> logits = stackalloc float[ServingWeights.Count];
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

    // The terms that pushed the text towards category most, read from the joint head: a term's weight
    // × value, averaged over the category's three colours (raising all three joint scores by d raises
    // the category's marginal by d). The network's share of a term does not separate: it passes
    // through the hidden layer.
    public IReadOnlyList<(string Term, double Contribution)> TopFeatures(string text, Category category, int count)
    {
        using var vector = vocabulary.Vectorise(text);
        var contributions = new List<(string, double)>();
        var first = ScoreBlend.JointClass((int)category, 0);
        for (var i = 0; i < vector.Ids.Length; i++)
        {
            var mean = (weights.JointWeight(vector.Ids[i], first) + weights.JointWeight(vector.Ids[i], first + 1)
                + weights.JointWeight(vector.Ids[i], first + 2)) / Colours;
            contributions.Add((Readable(vocabulary.Terms[vector.Ids[i]]), vector.Values[i] * mean));
        }
        return contributions.OrderByDescending(c => c.Item2).Take(count).ToArray();
    }

    static string Readable(string term) => term[0] == ConceptLexicon.Marker ? $"[{term[1..]}]" : term.Replace(TextNormaliser.RunStart, '^').Replace(TextNormaliser.RunEnd, '$')
        .Replace(TextNormaliser.WordStart, '^').Replace(TextNormaliser.WordEnd, '$');

    void Score(string text, Span<float> logits)
    {
        using var vector = vocabulary.Vectorise(text);
        weights.Score(vector.Ids, vector.Values, logits);
    }

    void Blend(ReadOnlySpan<float> logits, Span<double> category, Span<double> colour)
    {
        Span<double> joint = stackalloc double[Joint];
        for (var k = 0; k < Colours; k++) colour[k] = logits[ServingWeights.ColourAt + k];
        for (var k = 0; k < Joint; k++) joint[k] = logits[ServingWeights.JointAt + k];
        for (var k = 0; k < Categories; k++) category[k] = logits[ServingWeights.NetworkAt + k];
        ScoreBlend.Apply(category, colour, joint, Model.Settings.Network.BlendWeight);
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
