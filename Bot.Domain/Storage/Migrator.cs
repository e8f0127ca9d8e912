using Dapper;
using Microsoft.Extensions.Logging;
using MySql.Data.MySqlClient;

namespace Bot.Domain.Storage;

public sealed class MigrationFailed(string message, Exception inner) : Exception(message, inner);

// Applies the numbered SQL files in order, journaled in schema_version. MySQL commits DDL
// implicitly, so a file that fails halfway stays unjournaled and is re-run whole next time:
// every statement is written to be safe to re-run (IF NOT EXISTS).
public sealed class Migrator(Db db, ILogger<Migrator> log)
{
    const string LockName = "bot.schema_migrations";

    public async Task<int> ApplyAsync(IReadOnlyList<Migration> migrations, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        // Two instances starting together: the second waits here, then finds nothing to do.
        var locked = await connection.ExecuteScalarAsync<int?>("SELECT GET_LOCK(@LockName, 120)", new { LockName });
        if (locked != 1)
            throw new InvalidOperationException($"Could not take the migration lock '{LockName}' within 120 s.");
        try
        {
            // "Already exists" notes from re-run statements would make MySql.Data 8.0.16 read
            // SHOW WARNINGS, whose MariaDB collation id it cannot map; the notes carry nothing we need.
            await connection.ExecuteAsync("SET SESSION sql_notes = 0");
            await connection.ExecuteAsync("""
                CREATE TABLE IF NOT EXISTS schema_version (
                  version INT NOT NULL PRIMARY KEY,
                  name VARCHAR(200) NOT NULL,
                  applied_at DATETIME(6) NOT NULL
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
                """);
            var applied = (await connection.QueryAsync<int>("SELECT version FROM schema_version")).ToHashSet();
            var count = 0;
            foreach (var migration in migrations.Where(m => !applied.Contains(m.Version)))
            {
                await ApplyOneAsync(connection, migration, ct);
                count++;
            }
            return count;
        }
        finally
        {
            await connection.ExecuteAsync("SELECT RELEASE_LOCK(@LockName)", new { LockName });
        }
    }

    public async Task<bool> IsCurrentAsync(IReadOnlyList<Migration> migrations, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        try
        {
            var latest = await connection.ExecuteScalarAsync<int?>("SELECT MAX(version) FROM schema_version");
            return latest >= migrations.Max(m => m.Version);
        }
        catch (MySqlException)
        {
            return false;
        }
    }

    async Task ApplyOneAsync(MySqlConnection connection, Migration migration, CancellationToken ct)
    {
        var statements = migration.Statements();
        for (var i = 0; i < statements.Count; i++)
        {
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(statements[i], cancellationToken: ct));
            }
            catch (MySqlException e)
            {
                var firstLine = statements[i].Split('\n')[0].Trim();
                throw new MigrationFailed(
                    $"Migration {migration.File} failed at statement {i + 1} of {statements.Count} ({firstLine} ...): {e.Message}", e);
            }
        }
        await connection.ExecuteAsync(
            "INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, UTC_TIMESTAMP(6))",
            new { migration.Version, migration.Name });
        log.LogInformation("Applied migration {File}", migration.File);
    }
}
