using Bot.Domain.Classification;
using Bot.Domain.Classification.Training;
using Microsoft.Extensions.Options;

namespace Bot.Classification;

// Adopts the model a retrain swapped in, whichever instance ran it: at start and every RefreshEvery.
// A database that is away only delays the adoption; the running model keeps grading meanwhile.
public sealed class ClassifierRefresher(RunningClassifier running, ClassifierModelStore models, IOptions<ClassifierOptions> options,
    TimeProvider clock, ILogger<ClassifierRefresher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshEvery, clock);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Could not look for a retrained classifier model; {Version} keeps grading", running.Current.Version);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RefreshAsync(CancellationToken ct)
    {
        var active = await models.ActiveVersionAsync(running.Shipped.Version, ct) ?? running.Shipped.Version;
        if (active == running.Current.Version)
            return;
        var next = active == running.Shipped.Version ? running.Shipped : await LoadAsync(active, ct);
        running.Swap(next);
        log.LogInformation("Classifier model {Version} now grades demands", next.Version);
    }

    async Task<DemandClassifier> LoadAsync(string version, CancellationToken ct)
    {
        var bytes = await models.BytesAsync(version, ct) ?? throw new ClassifierModelException($"classifier_model {version}", "the row is gone");
        var (model, read) = ModelFile.FromBytes(bytes, $"classifier_model {version}");
        return DemandClassifier.From(model, read, options.Value);
    }
}
