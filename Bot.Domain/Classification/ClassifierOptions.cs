namespace Bot.Domain.Classification;

public sealed class ClassifierOptions
{
    public const string Section = "Classifier";

    // Relative paths resolve against the application's base directory (Bot.csproj copies models/ there).
    public string ModelPath { get; set; } = "models/demand-classifier.bin";

    // Left empty, the confidence rule is the one the trainer chose so that auto-accepted demands are
    // at least 95% right out of fold; it is stored in the model because it moves with the model.
    public double? MinProbability { get; set; }
    public double? MinMargin { get; set; }
}
