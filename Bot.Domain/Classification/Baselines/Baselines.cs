using Bot.Domain.Classification.Evaluation;
using Bot.Domain.Classification.Training;

namespace Bot.Domain.Classification.Baselines;

public static class Baselines
{
    public const string NaiveBayesName = "naive Bayes", PerceptronName = "averaged perceptron", RulesName = "keyword rules";

    // The three baselines trained on train (same n-gram settings as the model) and scored on test.
    public static IReadOnlyList<EvaluationReport> Evaluate(IReadOnlyList<LabelledText> train, IReadOnlyList<LabelledText> test, TrainingSettings settings)
    {
        var bayes = NaiveBayes.Train(train, settings.Features);
        var perceptron = AveragedPerceptron.Train(train, settings.Features, settings.Seed);
        return
        [
            EvaluationReport.Of(NaiveBayesName, test, test.Select(e => bayes.Scores(e.Text)).ToArray()),
            EvaluationReport.Of(PerceptronName, test, test.Select(e => perceptron.Scores(e.Text)).ToArray()),
            EvaluationReport.Of(RulesName, test, test.Select(e => KeywordRules.Scores(e.Text)).ToArray()),
        ];
    }
}
