namespace Bot.Domain.Classification;

public sealed class ClassifierOptions
{
    public const string Section = "Classifier";

    // Relative paths resolve against the application's base directory (Bot.csproj copies models/ and
    // the training corpus there).
    public string ModelPath { get; set; } = "models/demand-classifier.bin";

    // Left empty, the confidence rule is the one the trainer chose so that auto-accepted demands are
    // at least 95% right out of fold; it is stored in the model because it moves with the model.
    public double? MinProbability { get; set; }
    public double? MinMargin { get; set; }

    // The weekly retrain (docs/classifier.md "Retraining in production") trains on this corpus plus the
    // secretaries' corrections and compares models by cross-validation with this many folds.
    public string CorpusPath { get; set; } = "data/corpus/train.tsv";
    public int RetrainFolds { get; set; } = 5;

    // How often each instance looks for a model another instance swapped in.
    public TimeSpan RefreshEvery { get; set; } = TimeSpan.FromMinutes(1);

    public string ResolvedPath(string path) => Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);
}
