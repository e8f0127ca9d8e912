using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Bot.Domain.Classification.Features;
using Bot.Domain.Classification.Training;
using Bot.Domain.Demands;

namespace Bot.Domain.Classification;

// Serves a trained model. Immutable after construction, so one instance serves every thread.
public sealed class DemandClassifier
{
    // Per feature: 3 colour and 39 joint scores, padded to 48 floats: six 8-float loads.
    const int Categories = ScoreBlend.Categories, Colours = ScoreBlend.Colours, Joint = ScoreBlend.Joint;
    const int ColourAt = 0, JointAt = Colours, Vectors = 6, Stride = Vectors * 8;
    readonly float[] weights;
    readonly float[] bias = new float[Stride];
    readonly Vocabulary vocabulary;
    // The network's embeddings stay 8-bit as stored, 48 bytes an input, with one spare row at the
    // end because the widening loads read 16 bytes at a time.
    readonly NetworkHead network;
    readonly sbyte[] networkSteps;

    DemandClassifier(ClassifierModel model, string version, ConfidenceRule rule)
    {
        if (Enum.GetValues<Category>().Length != Categories || Enum.GetValues<Colour>().Length != Colours)
            throw new InvalidOperationException("The score layout assumes 13 categories and 3 colours.");
        Model = model;
        Version = version;
        Rule = rule;
        vocabulary = model.Vocabulary;
        weights = new float[vocabulary.Count * Stride];
        foreach (var (head, at) in new[] { (model.Colour, ColourAt), (model.Joint, JointAt) })
        {
            for (var j = 0; j < vocabulary.Count; j++)
                for (var k = 0; k < head.ClassCount; k++)
                    weights[j * Stride + at + k] = (float)head.Weights[j * head.ClassCount + k];
            for (var k = 0; k < head.ClassCount; k++) bias[at + k] = (float)head.Bias[k];
        }
        network = model.Network;
        if (network.Hidden != NetworkHidden || network.ClassCount != Categories)
            throw new InvalidOperationException($"The network layout assumes {NetworkHidden} hidden units and {Categories} categories.");
        networkSteps = new sbyte[network.InputSteps.Length + NetworkHidden];
        network.InputSteps.CopyTo(networkSteps, 0);
    }

    const int NetworkHidden = 48;

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
        Span<float> logits = stackalloc float[Stride + Categories];
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
        Span<float> logits = stackalloc float[Stride + Categories];
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
        for (var i = 0; i < vector.Ids.Length; i++)
        {
            var at = vector.Ids[i] * Stride + JointAt + ScoreBlend.JointClass((int)category, 0);
            var mean = (weights[at] + weights[at + 1] + weights[at + 2]) / Colours;
            contributions.Add((Readable(vocabulary.Terms[vector.Ids[i]]), vector.Values[i] * mean));
        }
        return contributions.OrderByDescending(c => c.Item2).Take(count).ToArray();
    }

    static string Readable(string term) => term[0] == ConceptLexicon.Marker ? $"[{term[1..]}]" : term.Replace(TextNormaliser.RunStart, '^').Replace(TextNormaliser.RunEnd, '$')
        .Replace(TextNormaliser.WordStart, '^').Replace(TextNormaliser.WordEnd, '$');

    // Fills logits with the two linear heads' scores (Stride floats) and then the network's.
    void Score(string text, Span<float> logits)
    {
        using var vector = vocabulary.Vectorise(text);
        ScoreLinear(vector.Ids, vector.Values, logits);
        ScoreNetwork(vector.Ids, vector.Values, logits.Slice(Stride, Categories));
    }

    void ScoreLinear(ReadOnlySpan<int> ids, ReadOnlySpan<float> values, Span<float> logits)
    {
        ref var w = ref MemoryMarshal.GetArrayDataReference(weights);
        // Six accumulators unrolled by hand: the JIT keeps them all in registers.
        var s0 = Vector256.Create(bias.AsSpan(0, 8));
        var s1 = Vector256.Create(bias.AsSpan(8, 8));
        var s2 = Vector256.Create(bias.AsSpan(16, 8));
        var s3 = Vector256.Create(bias.AsSpan(24, 8));
        var s4 = Vector256.Create(bias.AsSpan(32, 8));
        var s5 = Vector256.Create(bias.AsSpan(40, 8));
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
        }
        s0.CopyTo(logits);
        s1.CopyTo(logits[8..]);
        s2.CopyTo(logits[16..]);
        s3.CopyTo(logits[24..]);
        s4.CopyTo(logits[32..]);
        s5.CopyTo(logits[40..]);
    }

    void ScoreNetwork(ReadOnlySpan<int> ids, ReadOnlySpan<float> values, Span<float> logits)
    {
        Span<float> hidden = stackalloc float[NetworkHidden];
        network.HiddenBias.CopyTo(hidden);
        if (Avx2.IsSupported) SumEmbeddings(ids, values, hidden);
        else SumEmbeddingsScalar(ids, values, hidden);
        NetworkMath.Relu(hidden);
        for (var k = 0; k < Categories; k++)
            logits[k] = network.OutputBias[k] + NetworkMath.Dot(network.OutputWeights.AsSpan(k * NetworkHidden, NetworkHidden), hidden);
    }

    // Six accumulators of eight units; each input's 48 steps are widened to floats eight at a time
    // (vpmovsxbd) and added at the input's scale times the term's value.
    void SumEmbeddings(ReadOnlySpan<int> ids, ReadOnlySpan<float> values, Span<float> hidden)
    {
        ref var h = ref MemoryMarshal.GetReference(hidden);
        var h0 = Vector256.LoadUnsafe(ref h, 0);
        var h1 = Vector256.LoadUnsafe(ref h, 8);
        var h2 = Vector256.LoadUnsafe(ref h, 16);
        var h3 = Vector256.LoadUnsafe(ref h, 24);
        var h4 = Vector256.LoadUnsafe(ref h, 32);
        var h5 = Vector256.LoadUnsafe(ref h, 40);
        ref var steps = ref MemoryMarshal.GetArrayDataReference(networkSteps);
        var inputOf = network.InputOf;
        var scales = network.InputScales;
        for (var i = 0; i < ids.Length; i++)
        {
            var input = inputOf[ids[i]];
            if (input < 0) continue;
            var factor = Vector256.Create(values[i] * scales[input]);
            ref var row = ref Unsafe.Add(ref steps, input * NetworkHidden);
            h0 += factor * Widen(ref row, 0);
            h1 += factor * Widen(ref row, 8);
            h2 += factor * Widen(ref row, 16);
            h3 += factor * Widen(ref row, 24);
            h4 += factor * Widen(ref row, 32);
            h5 += factor * Widen(ref row, 40);
        }
        h0.StoreUnsafe(ref h, 0);
        h1.StoreUnsafe(ref h, 8);
        h2.StoreUnsafe(ref h, 16);
        h3.StoreUnsafe(ref h, 24);
        h4.StoreUnsafe(ref h, 32);
        h5.StoreUnsafe(ref h, 40);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256<float> Widen(ref sbyte row, int at) =>
        Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(Vector128.LoadUnsafe(ref row, (nuint)at)));

    void SumEmbeddingsScalar(ReadOnlySpan<int> ids, ReadOnlySpan<float> values, Span<float> hidden)
    {
        for (var i = 0; i < ids.Length; i++)
        {
            var input = network.InputOf[ids[i]];
            if (input < 0) continue;
            var factor = values[i] * network.InputScales[input];
            for (var u = 0; u < NetworkHidden; u++) hidden[u] += factor * networkSteps[input * NetworkHidden + u];
        }
    }

    void Blend(ReadOnlySpan<float> logits, Span<double> category, Span<double> colour)
    {
        Span<double> joint = stackalloc double[Joint];
        for (var k = 0; k < Colours; k++) colour[k] = logits[ColourAt + k];
        for (var k = 0; k < Joint; k++) joint[k] = logits[JointAt + k];
        for (var k = 0; k < Categories; k++) category[k] = logits[Stride + k];
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
