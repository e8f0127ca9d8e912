using Bot.Domain.Classification.Features;

namespace Bot.Domain.Classification.Training;

public sealed record HeadSettings(double L2, ClassWeighting Weighting);

// CalibrationFolds out-of-fold models give the logits that temperature scaling and the confidence
// rule are fitted on; Seed fixes how examples are dealt to those folds and seeds the network.
public sealed record TrainingSettings(FeatureSettings Features, HeadSettings Joint, HeadSettings Colour, NetworkSettings Network, int CalibrationFolds, int Seed)
{
    // Chosen by `classifier tune` and later CV checks (data/corpus/train.tsv, macro-F1): see docs/classifier.md.
    public static readonly TrainingSettings Default = new(
        new FeatureSettings(MaxCharGram: 2, MaxWordGram: 2, MaxWordCharGram: 5, MinDocumentFrequency: 3)
            { Concepts = ConceptLexicon.Embedded(), ConceptWeight = 2 },
        Joint: new HeadSettings(L2: 1e-5, ClassWeighting.SquareRoot),
        Colour: new HeadSettings(L2: 3e-5, ClassWeighting.Balanced),
        Network: new NetworkSettings(MinDocumentFrequency: 3, Hidden: 48, Epochs: 10, LearningRate: 0.002, Dropout: 0.3, BlendWeight: 0.3),
        CalibrationFolds: 3,
        Seed: 20251121);

    // An auto-accepted category must be right this often on out-of-fold data.
    public const double AutoAcceptAccuracy = 0.95;
}
