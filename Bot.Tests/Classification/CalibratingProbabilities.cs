using Bot.Domain.Classification;
using Bot.Domain.Classification.Evaluation;
using Bot.Domain.Classification.Training;

namespace Bot.Tests.Classification;

public sealed class CalibratingProbabilities
{
    [Fact]
    public void Temperature_scaling_recovers_the_temperature_that_generated_the_labels()
    {
        var random = new Random(1);
        var logits = new List<double[]>();
        var labels = new List<int>();
        for (var i = 0; i < 4000; i++)
        {
            var z = Enumerable.Range(0, 4).Select(_ => random.NextDouble() * 8).ToArray();
            var p = TemperatureScaling.Probabilities(z, 2.5);
            var u = random.NextDouble();
            var label = 0;
            for (var acc = p[0]; acc < u && label < 3; acc += p[++label]) { }
            logits.Add(z);
            labels.Add(label);
        }

        Assert.InRange(TemperatureScaling.Fit(logits, labels), 2.2, 2.8);
    }

    [Fact]
    public void A_bigger_lead_in_the_scores_never_gives_a_smaller_calibrated_probability()
    {
        var previous = 0.0;
        for (var lead = -3.0; lead <= 6; lead += 0.25)
        {
            var p = TemperatureScaling.Probabilities([lead, 0, 0.5], temperature: 0.7)[0];
            Assert.True(p >= previous, $"lead {lead}: {p} < {previous}");
            previous = p;
        }
    }

    [Fact]
    public void Calibration_keeps_the_order_of_the_classes_for_every_held_out_text()
    {
        var classifier = DemandClassifier.Load(Repository.Model);

        foreach (var example in CorpusFile.Read(Repository.HeldOutCorpus).Take(200))
        {
            var scores = classifier.Scores(example.Text);
            Assert.Equal(Order(scores.UncalibratedCategory), Order(scores.Category));
            Assert.Equal(Order(scores.UncalibratedColour), Order(scores.Colour));
        }
    }

    static int[] Order(double[] p) => Enumerable.Range(0, p.Length).OrderByDescending(i => p[i]).ThenBy(i => i).ToArray();
}
