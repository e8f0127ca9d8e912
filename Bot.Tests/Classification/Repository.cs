namespace Bot.Tests.Classification;

// The committed corpus and model, found by walking up from the test binaries to Bot.sln.
static class Repository
{
    public static readonly string Root = FindRoot();
    public static string TrainingCorpus => Path.Combine(Root, "data", "corpus", "train.tsv");
    public static string HeldOutCorpus => Path.Combine(Root, "data", "corpus", "heldout.tsv");
    public static string Model => Path.Combine(Root, "models", "demand-classifier.bin");

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln"))) return dir.FullName;
        throw new InvalidOperationException("Bot.sln not found above " + AppContext.BaseDirectory);
    }
}
