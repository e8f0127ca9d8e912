using Bot.Domain.Classification.Baselines;
using Bot.Domain.Classification.Training;

namespace Bot.Domain.Classification.Evaluation;

// Stratified k-fold cross-validation of the whole training procedure (dictionary, heads,
// calibration and confidence rule are all refitted inside each fold) and of the baselines.
public static class CrossValidation
{
    public const string Model = "LR + network";

    public static IReadOnlyList<EvaluationReport> Run(IReadOnlyList<LabelledText> examples, TrainingSettings settings, int folds, bool withBaselines)
    {
        // A different seed from the calibration folds inside training, so the two splits differ.
        var fold = StratifiedFolds.Assign(examples.Select(e => (int)e.Category).ToArray(), folds, settings.Seed + 1);
        var methods = withBaselines ? 4 : 1;
        var scores = new ClassifierScores[methods][];
        for (var m = 0; m < methods; m++) scores[m] = new ClassifierScores[examples.Count];

        Parallel.For(0, folds, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, f =>
        {
            var train = Enumerable.Range(0, examples.Count).Where(i => fold[i] != f).Select(i => examples[i]).ToArray();
            var test = Enumerable.Range(0, examples.Count).Where(i => fold[i] == f).ToArray();
            var model = DemandClassifier.FromModel(ClassifierTrainer.Train(train, settings).Model);
            foreach (var i in test) scores[0][i] = model.Scores(examples[i].Text);
            if (!withBaselines) return;
            var bayes = NaiveBayes.Train(train, settings.Features);
            var perceptron = AveragedPerceptron.Train(train, settings.Features, settings.Seed);
            foreach (var i in test)
            {
                scores[1][i] = bayes.Scores(examples[i].Text);
                scores[2][i] = perceptron.Scores(examples[i].Text);
                scores[3][i] = KeywordRules.Scores(examples[i].Text);
            }
        });

        string[] names = [Model, Baselines.Baselines.NaiveBayesName, Baselines.Baselines.PerceptronName, Baselines.Baselines.RulesName];
        return Enumerable.Range(0, methods).Select(m => EvaluationReport.Of(names[m], examples, scores[m])).ToArray();
    }
}
