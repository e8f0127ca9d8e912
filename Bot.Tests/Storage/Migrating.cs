using Bot.Domain.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Tests.Storage;

public sealed class Migrating : IAsyncLifetime
{
    readonly TestDatabase database = new();

    public Task InitializeAsync() => database.InitializeAsync();
    public Task DisposeAsync() => database.DisposeAsync();

    Migrator NewMigrator() => new(database.Db, NullLogger<Migrator>.Instance);

    [Fact]
    public async Task A_fresh_database_gets_every_migration_once_and_a_second_run_does_nothing()
    {
        var all = Migration.Embedded();

        var first = await NewMigrator().ApplyAsync(all);
        var second = await NewMigrator().ApplyAsync(all);

        Assert.Equal(all.Count, first);
        Assert.Equal(0, second);
        Assert.Equal(all.Select(m => m.Version), await database.QueryAsync<int>("SELECT version FROM schema_version ORDER BY version"));
        Assert.True(await NewMigrator().IsCurrentAsync(all));
    }

    [Fact]
    public async Task Two_instances_migrating_at_once_both_finish_and_the_schema_is_applied_once()
    {
        var all = Migration.Embedded();

        var counts = await Task.WhenAll(NewMigrator().ApplyAsync(all), NewMigrator().ApplyAsync(all));

        Assert.Equal(all.Count, counts.Sum());
        Assert.Equal(all.Count, await database.ScalarAsync<int>("SELECT COUNT(*) FROM schema_version"));
    }

    [Fact]
    public async Task A_migration_failing_halfway_names_file_and_statement_and_the_next_start_resumes()
    {
        var good = Migration.Parse("0001_first.sql", "CREATE TABLE IF NOT EXISTS a (id INT PRIMARY KEY);");
        var broken = Migration.Parse("0002_second.sql", """
            CREATE TABLE IF NOT EXISTS b (id INT PRIMARY KEY);
            ALTER TABLE b ADD COLUMN IF NOT EXISTS name VARCHA(20);
            """);
        var repaired = broken with { Sql = broken.Sql.Replace("VARCHA(", "VARCHAR(") };

        var failure = await Assert.ThrowsAsync<MigrationFailed>(() => NewMigrator().ApplyAsync([good, broken]));
        var resumed = await NewMigrator().ApplyAsync([good, repaired]);

        Assert.Contains("0002_second.sql", failure.Message);
        Assert.Contains("statement 2 of 2", failure.Message);
        Assert.Contains("ALTER TABLE b", failure.Message);
        Assert.Equal(1, resumed);
        Assert.Equal([1, 2], await database.QueryAsync<int>("SELECT version FROM schema_version ORDER BY version"));
        Assert.Equal(1, await database.ScalarAsync<int>(
            "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'b' AND column_name = 'name'"));
    }
}
