using System.Diagnostics;
using Dapper;

namespace Bot.Tests.Classification;

// `classifier train --with-corrections`: a secretary's re-label outranks the corpus line with the same text.
public sealed class TrainingWithCorrections : IAsyncLifetime
{
    readonly TestDatabase database = new();

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        await database.MigrateAsync();
    }

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task The_corrections_in_the_database_join_the_training_data()
    {
        await using (var connection = await database.Db.OpenAsync())
            await connection.ExecuteAsync("""
                INSERT INTO person (name, created_at) VALUES ('王书记', UTC_TIMESTAMP(6));
                INSERT INTO demand (code, villager_id, text, status, level, version, created_at, updated_at)
                VALUES ('D20261121-0001', LAST_INSERT_ID(), '坡上的石头松了', 'Assigned', 'Member', 3, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6));
                INSERT INTO classifier_correction (demand_id, text, category, colour, corrected_by, corrected_at)
                VALUES (LAST_INSERT_ID(), '坡上的石头松了', 'safety', 'orange', 1, UTC_TIMESTAMP(6));
                """);
        var model = Path.Combine(Path.GetTempPath(), $"model-{Guid.NewGuid():N}.bin");
        var start = new ProcessStartInfo("dotnet",
            [Path.Combine(AppContext.BaseDirectory, "Bot.dll"), "classifier", "train", "--with-corrections",
             "--corpus", Path.Combine(Repository.Root, "data", "corpus", "train.tsv"), "--out", model])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            Environment = { ["BOT_Database__ConnectionString"] = database.ConnectionString },
        };

        using var process = Process.Start(start)!;
        var said = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, said);
        Assert.Contains("1 correction(s) from the database joined the corpus", said);
        Assert.True(File.Exists(model));
        File.Delete(model);
    }
}
