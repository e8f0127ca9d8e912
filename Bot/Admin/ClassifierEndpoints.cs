using Bot.Domain.Classification;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Admin;

// Which model grades demands, and what the weekly retrains measured and decided.
public static class ClassifierEndpoints
{
    public static void MapClassifier(this RouteGroupBuilder admin) =>
        admin.MapGet("/classifier", Read)
            .WithSummary("The running and shipped classifier model versions and the last 20 retrains with both cross-validated figures");

    static async Task<Ok<ClassifierState>> Read(RunningClassifier running, ClassifierModelStore models, CancellationToken ct) =>
        TypedResults.Ok(new ClassifierState(running.Current.Version, running.Shipped.Version, await models.HistoryAsync(20, ct)));
}

public sealed record ClassifierState(string Running, string Shipped, IReadOnlyList<RetrainRecord> Retrains);
