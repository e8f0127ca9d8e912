using Bot.Domain.Storage;
using Dapper;

namespace Bot.Domain.Classification;

// The models the retrain swapped in, and the record of every retrain (docs/classifier.md).
public sealed class ClassifierModelStore(Db db)
{
    // The model to serve beside this shipped model file: the last one swapped in, if any.
    public async Task<string?> ActiveVersionAsync(string shippedVersion, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition("""
            SELECT version FROM classifier_model WHERE shipped_version = @shippedVersion
            ORDER BY activated_at DESC LIMIT 1
            """, new { shippedVersion }, cancellationToken: ct));
    }

    public async Task<byte[]?> BytesAsync(string version, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<byte[]?>(new CommandDefinition(
            "SELECT model FROM classifier_model WHERE version = @version", new { version }, cancellationToken: ct));
    }

    // The figure a model was swapped in with, or that an earlier retrain measured for it while it ran.
    public async Task<double?> CrossValidatedAsync(string version, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<double?>(new CommandDefinition("""
            SELECT COALESCE(
              (SELECT cv_macro_f1 FROM classifier_model WHERE version = @version),
              (SELECT running_cv_macro_f1 FROM classifier_retrain
                WHERE running_version = @version AND running_cv_macro_f1 IS NOT NULL ORDER BY id DESC LIMIT 1))
            """, new { version }, cancellationToken: ct));
    }

    // The swap and its record commit together: no model is active without the figures that chose it.
    public async Task RecordAsync(RetrainRecord record, byte[]? swappedIn, string shippedVersion, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (swappedIn is not null)
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO classifier_model (version, shipped_version, model, cv_macro_f1, examples, activated_at)
                VALUES (@CandidateVersion, @shippedVersion, @swappedIn, @CandidateMacroF1, @Examples, @FinishedAt)
                ON DUPLICATE KEY UPDATE activated_at = VALUES(activated_at)
                """, new { record.CandidateVersion, shippedVersion, swappedIn, record.CandidateMacroF1, record.Examples, FinishedAt = record.FinishedAt.UtcDateTime },
                tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO classifier_retrain (started_at, finished_at, running_version, running_cv_macro_f1,
              candidate_version, candidate_cv_macro_f1, examples, corrections, outcome)
            VALUES (@StartedAt, @FinishedAt, @RunningVersion, @RunningMacroF1, @CandidateVersion, @CandidateMacroF1,
              @Examples, @Corrections, @Outcome)
            """, new
        {
            StartedAt = record.StartedAt.UtcDateTime, FinishedAt = record.FinishedAt.UtcDateTime, record.RunningVersion,
            record.RunningMacroF1, record.CandidateVersion, record.CandidateMacroF1, record.Examples, record.Corrections,
            Outcome = record.Outcome.ToString().ToLowerInvariant(),
        }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<RetrainRecord>> HistoryAsync(int count, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition("""
            SELECT started_at, finished_at, running_version, running_cv_macro_f1, candidate_version, candidate_cv_macro_f1,
                   examples, corrections, outcome
            FROM classifier_retrain ORDER BY id DESC LIMIT @count
            """, new { count }, cancellationToken: ct));
        return rows.Select(r => new RetrainRecord(Utc(r.StartedAt), Utc(r.FinishedAt), r.RunningVersion, r.RunningCvMacroF1,
            r.CandidateVersion, r.CandidateCvMacroF1, r.Examples, r.Corrections, Enum.Parse<RetrainOutcome>(r.Outcome, ignoreCase: true))).ToList();
    }

    static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    sealed record Row(DateTime StartedAt, DateTime FinishedAt, string RunningVersion, double? RunningCvMacroF1,
        string? CandidateVersion, double? CandidateCvMacroF1, int Examples, int Corrections, string Outcome);
}
