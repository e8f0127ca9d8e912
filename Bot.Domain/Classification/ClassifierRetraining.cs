using Bot.Domain.Classification.Evaluation;
using Bot.Domain.Classification.Training;

namespace Bot.Domain.Classification;

// Retrains on the corpus plus the secretaries' corrections and swaps the new model in only when its
// cross-validated category macro-F1 is not worse than the running model's; every run is recorded.
public sealed class ClassifierRetraining(RunningClassifier running, CorrectionStore corrections, ClassifierModelStore models,
    ClassifierOptions options, TimeProvider clock)
{
    public async Task<RetrainRecord> RunAsync(CancellationToken ct = default)
    {
        var started = clock.GetUtcNow();
        var current = running.Current;
        var corpus = CorpusFile.Read(options.ResolvedPath(options.CorpusPath));
        var fixes = await corrections.ListAsync(ct);
        if (fixes.Count == 0)
            return await RecordAsync(new RetrainRecord(started, clock.GetUtcNow(), current.Version, null, null, null,
                corpus.Count, 0, RetrainOutcome.Skipped), null, ct);

        var examples = ClassifierTrainer.WithCorrections(corpus, fixes);
        // Training is CPU work of tens of seconds: off the scheduler's thread, so its heartbeat goes on.
        var candidate = await Task.Run(() => ClassifierTrainer.Train(examples, TrainingSettings.Default).Model, ct);
        var candidateVersion = ModelFile.VersionOf(candidate);
        if (candidateVersion == current.Version)
            return await RecordAsync(new RetrainRecord(started, clock.GetUtcNow(), current.Version, null, candidateVersion, null,
                examples.Count, fixes.Count, RetrainOutcome.Unchanged), null, ct);

        // The shipped model was trained on the corpus alone, so that is what its figure is measured on.
        var runningFigure = await models.CrossValidatedAsync(current.Version, ct) ?? await CrossValidateAsync(corpus, ct);
        var candidateFigure = await CrossValidateAsync(examples, ct);
        var swap = candidateFigure >= runningFigure;
        var record = new RetrainRecord(started, clock.GetUtcNow(), current.Version, runningFigure, candidateVersion, candidateFigure,
            examples.Count, fixes.Count, swap ? RetrainOutcome.Swapped : RetrainOutcome.Kept);
        await RecordAsync(record, swap ? ModelFile.ToBytes(candidate) : null, ct);
        if (swap)
            running.Swap(DemandClassifier.From(candidate, candidateVersion, options));
        return record;
    }

    Task<double> CrossValidateAsync(IReadOnlyList<LabelledText> examples, CancellationToken ct) => Task.Run(() =>
        CrossValidation.Run(examples, TrainingSettings.Default, options.RetrainFolds, withBaselines: false)[0].Category.MacroF1, ct);

    async Task<RetrainRecord> RecordAsync(RetrainRecord record, byte[]? swappedIn, CancellationToken ct)
    {
        await models.RecordAsync(record, swappedIn, running.Shipped.Version, ct);
        return record;
    }
}
