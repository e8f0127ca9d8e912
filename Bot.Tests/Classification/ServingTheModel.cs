using Bot.Domain.Classification;
using Bot.Domain.Classification.Evaluation;
using Bot.Domain.Classification.Training;

namespace Bot.Tests.Classification;

public sealed class ServingTheModel
{
    // The served scores come from packed 8-bit records and vector code; the trainer's come from the
    // heads themselves in double precision. They must agree, or cross-validation measures another model.
    [Fact]
    public void The_packed_records_score_exactly_what_the_heads_do()
    {
        var corpus = CorpusFile.Read(Repository.TrainingCorpus);
        var model = ClassifierTrainer.Train(corpus.Where((_, i) => i % 6 == 0).ToArray(), TrainingSettings.Default).Model;
        var served = DemandClassifier.FromModel(model);
        var texts = corpus.Where((_, i) => i % 6 == 1).Take(300).Select(e => e.Text).Append("水管爆了 the pipe burst!!").ToArray();
        var rows = SparseRows.From(model.Vocabulary, texts);

        for (var r = 0; r < texts.Length; r++)
        {
            var category = new double[ScoreBlend.Categories];
            var colour = new double[ScoreBlend.Colours];
            var joint = new double[ScoreBlend.Joint];
            model.Network.Logits(rows, r, category);
            model.Colour.Logits(rows, r, colour);
            model.Joint.Logits(rows, r, joint);
            ScoreBlend.Apply(category, colour, joint, model.Settings.Network.BlendWeight);
            var expected = TemperatureScaling.Probabilities(category, model.CategoryTemperature);
            var expectedColour = TemperatureScaling.Probabilities(colour, model.ColourTemperature);

            var scores = served.Scores(texts[r]);

            for (var k = 0; k < expected.Length; k++) Assert.Equal(expected[k], scores.Category[k], 1e-4);
            for (var k = 0; k < expectedColour.Length; k++) Assert.Equal(expectedColour[k], scores.Colour[k], 1e-4);
        }
    }
}
