using Bot.Domain.Storage;
using Dapper;
using Quartz;

namespace Bot.Health;

public static class HealthEndpoints
{
    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new { status = "up" })).WithTags("Health");
        app.MapGet("/readyz", Ready).WithTags("Health");
    }

    public sealed record Check(bool Ok, string Detail);
    public sealed record Readiness(string Status, IReadOnlyDictionary<string, Check> Checks);

    static async Task<IResult> Ready(Db db, Migrator migrator, IReadOnlyList<Migration> migrations,
        ISchedulerFactory schedulers, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        var database = await DatabaseAsync(db, timeout.Token);
        var schema = database.Ok && await migrator.IsCurrentAsync(migrations, timeout.Token)
            ? new Check(true, $"version {migrations.Max(m => m.Version)}")
            : new Check(false, database.Ok ? "migrations not applied" : "unknown while the database is unreachable");
        var scheduler = await SchedulerAsync(schedulers, ct);
        var checks = new Dictionary<string, Check> { ["database"] = database, ["migrations"] = schema, ["scheduler"] = scheduler };
        var ready = checks.Values.All(c => c.Ok);
        return TypedResults.Json(new Readiness(ready ? "ready" : "unready", checks), statusCode: ready ? 200 : 503);
    }

    static async Task<Check> DatabaseAsync(Db db, CancellationToken ct)
    {
        try
        {
            await using var connection = await db.OpenAsync(ct);
            await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: ct));
            return new Check(true, db.Target);
        }
        catch (Exception e) // a dead server, refused connection or timeout all mean "not ready"
        {
            return new Check(false, $"{db.Target}: {e.GetType().Name}: {e.Message}");
        }
    }

    static async Task<Check> SchedulerAsync(ISchedulerFactory schedulers, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        return scheduler.Status == SchedulerStatus.Running
            ? new Check(true, $"{scheduler.SchedulerName} ({scheduler.SchedulerInstanceId})")
            : new Check(false, scheduler.Status.ToString());
    }
}
