namespace Bot.Classification;

// The classifier commands' options; paths default to the repository's data/ and models/ folders.
sealed record CliArguments(string Corpus, string Model, int Folds, bool ModelOnly, bool WithCorrections = false, string? Errors = null)
{
    public static CliArguments Parse(string[] args)
    {
        var root = RepositoryRoot();
        var parsed = new CliArguments(Path.Combine(root, "data", "corpus", "train.tsv"),
            Path.Combine(root, "models", "demand-classifier.bin"), Folds: 5, ModelOnly: false);
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            parsed = args[i] switch
            {
                "--corpus" => parsed with { Corpus = Value() },
                "--out" or "--model" => parsed with { Model = Value() },
                "--folds" => parsed with { Folds = int.TryParse(Value(), out var k) && k >= 2 ? k : throw new ArgumentException("--folds needs a whole number ≥ 2") },
                "--model-only" => parsed with { ModelOnly = true },
                "--with-corrections" => parsed with { WithCorrections = true },
                "--errors" => parsed with { Errors = Value() },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        return parsed;
    }

    // The folder holding Bot.sln, found from the current directory up; the current one if none.
    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
