using Bot.Domain.Classification;
using Bot.Domain.Classification.Evaluation;
using Bot.Domain.Classification.Training;
using Bot.Domain.Demands;

namespace Bot.Tests.Classification;

public sealed class TrainingTheClassifier
{
    static IReadOnlyList<LabelledText> Sample(int every) =>
        CorpusFile.Read(Repository.TrainingCorpus).Where((_, i) => i % every == 0).ToArray();

    [Fact]
    public void The_same_examples_and_seed_give_the_same_model_bytes()
    {
        var examples = Sample(every: 4);

        var first = ModelFile.ToBytes(ClassifierTrainer.Train(examples, TrainingSettings.Default).Model);
        var second = ModelFile.ToBytes(ClassifierTrainer.Train(examples, TrainingSettings.Default).Model);

        Assert.Equal(first, second);
    }

    [Fact]
    public void The_seed_decides_the_calibration_folds_and_the_network_but_not_the_linear_heads()
    {
        var examples = Sample(every: 4);

        var first = ClassifierTrainer.Train(examples, TrainingSettings.Default).Model;
        var other = ClassifierTrainer.Train(examples, TrainingSettings.Default with { Seed = 7 }).Model;

        Assert.Equal(first.Joint.Weights, other.Joint.Weights);
        Assert.NotEqual(first.Network.InputSteps, other.Network.InputSteps);
        Assert.NotEqual(first.CategoryTemperature, other.CategoryTemperature);
    }

    [Fact]
    public void The_committed_model_is_exactly_what_training_on_the_committed_corpus_gives()
    {
        var trained = ClassifierTrainer.Train(CorpusFile.Read(Repository.TrainingCorpus), TrainingSettings.Default).Model;

        // The version is the hash of the whole uncompressed content; the compressed bytes could
        // differ only if the runtime's zlib changed.
        Assert.True(ModelFile.VersionOf(trained) == ModelFile.Read(Repository.Model).Version,
            "models/demand-classifier.bin is stale: run `dotnet run --project Bot -- classifier train` and commit it");
    }

    [Fact]
    public void The_model_beats_the_majority_class_by_a_wide_margin_on_the_held_out_file()
    {
        var heldOut = CorpusFile.Read(Repository.HeldOutCorpus);
        var classifier = DemandClassifier.Load(Repository.Model);
        var majority = CorpusFile.Read(Repository.TrainingCorpus).GroupBy(e => e.Category).MaxBy(g => g.Count())!.Key;

        var modelAccuracy = heldOut.Count(e => classifier.Classify(e.Text).Category == e.Category) / (double)heldOut.Count;
        var majorityAccuracy = heldOut.Count(e => e.Category == majority) / (double)heldOut.Count;
        var report = EvaluationReport.Of("model", heldOut, heldOut.Select(e => classifier.Scores(e.Text)).ToArray());

        Assert.True(modelAccuracy >= majorityAccuracy + 0.5, $"model {modelAccuracy:0.000}, majority {majorityAccuracy:0.000}");
        Assert.True(report.Category.MacroF1 >= 0.6, $"macro-F1 {report.Category.MacroF1:0.000}");
    }

    [Fact]
    public void Corrections_replace_corpus_lines_with_the_same_text_and_add_the_rest()
    {
        LabelledText[] corpus = [new("路灯不亮", Category.Power, Colour.Green), new("没电了", Category.Power, Colour.Blue)];
        LabelledText[] corrections = [new("没电了", Category.Power, Colour.Orange), new("快递丢了", Category.Other, Colour.Green)];

        var merged = ClassifierTrainer.WithCorrections(corpus, corrections);

        Assert.Equal([corpus[0], corrections[0], corrections[1]], merged);
    }
}
