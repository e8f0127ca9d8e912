using System.Diagnostics;
using Bot.Domain.Classification;
using Bot.Domain.Classification.Evaluation;
using Bot.Domain.Classification.Training;
using Bot.Domain.Classification.Baselines;
using Bot.Domain.Demands;
using Bot.Hosting;

namespace Bot.Classification;

// `dotnet run --project Bot -- classifier <verb>`: train, eval, cv, tune, predict, check-corpus.
public static class ClassifierCli
{
    const string Usage = """
        usage: classifier train [--corpus FILE] [--with-corrections] [--out FILE]
               classifier eval FILE [--model FILE]
               classifier cv [--folds 5] [--corpus FILE] [--errors FILE]
               classifier tune [--folds 5] [--corpus FILE]
               classifier predict "text" [--model FILE]
               classifier check-corpus [FILE]
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        await Task.CompletedTask;
        try
        {
            return args switch
            {
                ["train", .. var rest] => Train(CliArguments.Parse(rest), await CorrectionsAsync(CliArguments.Parse(rest))),
                ["eval", var file, .. var rest] => Eval(file, CliArguments.Parse(rest)),
                ["cv", .. var rest] => CrossValidate(CliArguments.Parse(rest)),
                ["tune", .. var rest] => Tune(CliArguments.Parse(rest)),
                ["predict", var text, .. var rest] => Predict(text, CliArguments.Parse(rest)),
                ["check-corpus", .. var rest] => CheckCorpus(rest.FirstOrDefault() ?? CliArguments.Parse([]).Corpus),
                _ => Fail(Usage),
            };
        }
        catch (Exception e) when (e is CorpusFormatException or ClassifierModelException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Fail(e.Message);
        }
    }

    // --with-corrections: the secretaries' re-labels from the bot's database replace or join corpus lines.
    static async Task<IReadOnlyList<LabelledText>> CorrectionsAsync(CliArguments options)
    {
        if (!options.WithCorrections)
            return [];
        var configuration = new ConfigurationManager();
        configuration.AddBotConfiguration();
        var db = new Bot.Domain.Storage.Db(configuration["Database:ConnectionString"]
            ?? throw new ArgumentException("--with-corrections needs Database:ConnectionString"));
        try
        {
            return await new CorrectionStore(db).ListAsync();
        }
        catch (MySql.Data.MySqlClient.MySqlException e)
        {
            throw new ArgumentException($"cannot read corrections from {db.Target}: {e.Message}");
        }
    }

    static int Train(CliArguments options, IReadOnlyList<LabelledText> corrections)
    {
        var corpus = ClassifierTrainer.WithCorrections(CorpusFile.Read(options.Corpus), corrections);
        if (options.WithCorrections)
            Console.WriteLine($"{corrections.Count} correction(s) from the database joined the corpus");
        var clock = Stopwatch.StartNew();
        var result = ClassifierTrainer.Train(corpus, TrainingSettings.Default);
        ModelFile.Write(options.Model, result.Model);
        var model = result.Model;
        Console.WriteLine($"trained on {corpus.Count} examples in {clock.Elapsed.TotalSeconds:0.00} s: {model.Vocabulary.Count} terms");
        Console.WriteLine($"temperatures: category {model.CategoryTemperature:0.000}, colour {model.ColourTemperature:0.000}");
        Console.WriteLine($"confidence rule (out of fold, ≥{TrainingSettings.AutoAcceptAccuracy:P0} right): p ≥ {model.ConfidenceRule.MinProbability:0.00}, margin ≥ {model.ConfidenceRule.MinMargin:0.00}");
        Console.WriteLine($"wrote {options.Model} ({new FileInfo(options.Model).Length / 1024.0:0} KiB), version {ModelFile.VersionOf(model)}");
        return 0;
    }

    static int Eval(string file, CliArguments options)
    {
        var examples = CorpusFile.Read(file);
        var classifier = DemandClassifier.Load(options.Model);
        var training = File.Exists(options.Corpus) ? CorpusFile.Read(options.Corpus) : [];
        var overlap = NearDuplicates.Overlap(examples.Select(e => e.Text).ToArray(), training.Select(e => e.Text).ToArray());
        var report = EvaluationReport.Of(CrossValidation.Model, examples, examples.Select(e => classifier.Scores(e.Text)).ToArray());
        Console.WriteLine($"model {classifier.Version}, {examples.Count} examples from {file}");
        ReportPrinter.Detailed(report);
        Console.WriteLine($"lines also in the training corpus: {overlap.Exact} exact, {overlap.Near} near-duplicate (char-bigram Jaccard ≥ {NearDuplicates.Threshold})");
        if (training.Count > 0)
        {
            Console.WriteLine("baselines trained on the training corpus, evaluated on the same file:");
            ReportPrinter.Comparison([report, .. Baselines.Evaluate(training, examples, TrainingSettings.Default)]);
        }
        Console.WriteLine(report.SummaryLine());
        return 0;
    }

    static int CrossValidate(CliArguments options)
    {
        // Refused before the minute of cross-validation, not after it.
        if (options.Errors is { } errors && !Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(errors))))
            throw new ArgumentException($"--errors {errors}: the folder does not exist");
        var corpus = CorpusFile.Read(options.Corpus);
        var clock = Stopwatch.StartNew();
        var reports = CrossValidation.Run(corpus, TrainingSettings.Default, options.Folds, withBaselines: !options.ModelOnly);
        Console.WriteLine($"{options.Folds}-fold stratified cross-validation on {corpus.Count} examples ({clock.Elapsed.TotalSeconds:0.0} s)");
        ReportPrinter.Detailed(reports[0]);
        ReportPrinter.Comparison(reports);
        if (options.Errors is not null)
        {
            MissesFile.Write(options.Errors, reports[0].Misses);
            Console.WriteLine($"{reports[0].Misses.Count} out-of-fold misses written to {options.Errors}");
        }
        Console.WriteLine(reports[0].SummaryLine());
        return 0;
    }

    static int Tune(CliArguments options)
    {
        var corpus = CorpusFile.Read(options.Corpus);
        var choice = HyperParameterSearch.Run(corpus, options.Folds, TrainingSettings.Default.Seed, Console.WriteLine);
        Console.WriteLine($"chosen: {choice}");
        return 0;
    }

    static int Predict(string text, CliArguments options)
    {
        var classifier = DemandClassifier.Load(options.Model);
        var scores = classifier.Scores(text);
        var decision = classifier.Classify(text);
        Console.WriteLine($"category {decision.Category.Code()} ({decision.Category.Chinese()}) p={decision.CategoryProbability:0.000}");
        Console.WriteLine($"colour   {decision.Colour.Code()} ({decision.Colour.Chinese()}) p={decision.ColourProbability:0.000}");
        Console.WriteLine($"confident {decision.IsConfident} (rule p ≥ {classifier.Rule.MinProbability:0.00}, margin ≥ {classifier.Rule.MinMargin:0.00}); model {decision.ModelVersion}");
        Console.WriteLine("categories: " + string.Join("  ", Enum.GetValues<Category>().OrderByDescending(c => scores.Category[(int)c]).Take(5)
            .Select(c => $"{c.Code()} {scores.Category[(int)c]:0.000}")));
        Console.WriteLine("colours:    " + string.Join("  ", Enum.GetValues<Colour>().Select(c => $"{c.Code()} {scores.Colour[(int)c]:0.000}")));
        Console.WriteLine("top features for " + decision.Category.Code() + ": " + string.Join("  ",
            classifier.TopFeatures(text, decision.Category, 8).Select(f => $"{f.Term} {f.Contribution:+0.00;-0.00}")));
        return 0;
    }

    static int CheckCorpus(string file)
    {
        var corpus = CorpusFile.Read(file);
        CorpusReport.Print(corpus);
        return 0;
    }

    static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }
}
