using System.Diagnostics;
using Bot.Domain.Classification;
using Bot.Domain.Classification.Evaluation;
using Bot.Domain.Classification.Training;

// `dotnet run -c Release --project bench/Bot.Bench -- classifier`: the classifier's speed figures,
// medians over repeats, on the committed corpus and model. `-- outbox`: see OutboxBench; `-- scheduler`: SchedulerBench; `-- pool`: PoolBench.
if (args is ["outbox", ..])
    return await OutboxBench.RunAsync(args[1..]);
if (args is ["scheduler", ..])
    return await SchedulerBench.RunAsync(args[1..]);
if (args is ["pool", ..])
    return await PoolBench.RunAsync(args[1..]);
if (args is not ["classifier", ..])
{
    Console.Error.WriteLine("usage: Bot.Bench classifier [--repeats 3] [--inference-only] | outbox [--messages 400] [--repeats 3]"
        + " | scheduler [--demands 100000] [--burst 10000] [--instances 1|2|both] [--sample 2000] | pool [--queries 64] [--repeats 5]");
    return 1;
}
var repeats = args.SkipWhile(a => a != "--repeats").Skip(1).Select(int.Parse).FirstOrDefault(3);
var inferenceOnly = args.Contains("--inference-only");
var root = BenchRoot.Find();
var corpus = CorpusFile.Read(Path.Combine(root, "data", "corpus", "train.tsv"));
var modelPath = Path.Combine(root, "models", "demand-classifier.bin");
Console.WriteLine($"{Environment.ProcessorCount} cores, {corpus.Count} training examples, {repeats} repeats, {DateTime.UtcNow:yyyy-MM-dd}");

// The targets are stated for 3,000 examples: an even spread of the corpus, then the whole corpus.
var sample = Enumerable.Range(0, Math.Min(3000, corpus.Count)).Select(k => corpus[(int)((long)k * corpus.Count / Math.Min(3000, corpus.Count))]).ToArray();
if (!inferenceOnly)
{
    foreach (var (name, examples) in new[] { ($"{sample.Length} examples", sample), ($"the whole corpus ({corpus.Count})", corpus) })
    {
        var train = Median(repeats, () => ClassifierTrainer.Train(examples, TrainingSettings.Default));
        Console.WriteLine($"train on {name} (incl. {TrainingSettings.Default.CalibrationFolds} calibration folds): {train:0.00} s");
        var cv = Median(repeats, () => CrossValidation.Run(examples, TrainingSettings.Default, 5, withBaselines: false));
        Console.WriteLine($"5-fold CV on {name}, model only: {cv:0.00} s");
    }
    var cvAll = Median(1, () => CrossValidation.Run(corpus, TrainingSettings.Default, 5, withBaselines: true));
    Console.WriteLine($"5-fold CV with the three baselines: {cvAll:0.00} s (one run)");
}

var classifier = DemandClassifier.Load(modelPath);
var texts = corpus.Select(e => e.Text).ToArray();
foreach (var text in texts) classifier.Classify(text);
var rates = new List<double>();
long allocated = 0, classified = 0;
for (var i = 0; i < Math.Max(repeats, 5); i++)
{
    var before = GC.GetAllocatedBytesForCurrentThread();
    var clock = Stopwatch.StartNew();
    var n = 0;
    while (clock.Elapsed.TotalSeconds < 1)
        foreach (var text in texts) { classifier.Classify(text); n++; }
    rates.Add(n / clock.Elapsed.TotalSeconds);
    allocated += GC.GetAllocatedBytesForCurrentThread() - before;
    classified += n;
}
rates.Sort();
Console.WriteLine($"inference, one thread, raw text → category and colour: {rates[rates.Count / 2]:N0} messages/s (median of {rates.Count}), {allocated / (double)classified:0} bytes allocated per message (the result record)");
Console.WriteLine($"model file: {new FileInfo(modelPath).Length / 1024.0 / 1024.0:0.00} MB");
return 0;

static double Median(int repeats, Action run)
{
    var times = new List<double>();
    for (var i = 0; i < repeats; i++)
    {
        var clock = Stopwatch.StartNew();
        run();
        times.Add(clock.Elapsed.TotalSeconds);
    }
    times.Sort();
    return times[times.Count / 2];
}
