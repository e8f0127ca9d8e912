using Bot.Domain.Storage;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using MySql.Data.MySqlClient;

namespace Bot.Tests;

// A database of its own for one test class, built from the real migrations and dropped afterwards.
public sealed class TestDatabase : IAsyncLifetime
{
    // scripts/test.sh exports the connection string of the private MariaDB (or of BOT_DB).
    public static readonly string ServerConnectionString =
        Environment.GetEnvironmentVariable("BOT_Database__ConnectionString")
        ?? "Server=127.0.0.1;Port=3307;Database=bot;User Id=bot;Password=bot-dev-only;CharSet=utf8mb4;SslMode=None";

    public string Name { get; } = $"bot_t_{Guid.NewGuid():N}"[..24];
    public string ConnectionString { get; }
    public Db Db { get; }

    public TestDatabase()
    {
        // A generous connect timeout: CI runs many bots, schedulers and MariaDB on two shared cores.
        ConnectionString = new MySqlConnectionStringBuilder(ServerConnectionString) { Database = Name, ConnectionTimeout = 60 }.ConnectionString;
        Db = new Db(ConnectionString);
    }

    public async Task InitializeAsync()
    {
        await using var server = new MySqlConnection(new MySqlConnectionStringBuilder(ServerConnectionString) { Database = "" }.ConnectionString);
        try
        {
            await server.OpenAsync();
        }
        catch (MySqlException e)
        {
            // One plain sentence instead of a driver stack: which server, which user, what to do.
            var target = new MySqlConnectionStringBuilder(ServerConnectionString);
            throw new InvalidOperationException(
                $"Cannot reach the test MariaDB at {target.Server}:{target.Port} as '{target.UserID}' ({e.Message}). " +
                "Run the tests with `bash scripts/test.sh`, or set BOT_DB to a server where that user may create databases.");
        }
        await server.ExecuteAsync($"CREATE DATABASE `{Name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }

    public Task MigrateAsync() => new Migrator(Db, NullLogger<Migrator>.Instance).ApplyAsync(Migration.Embedded());

    public async Task DisposeAsync()
    {
        MySqlConnection.ClearAllPools();
        await using var server = new MySqlConnection(new MySqlConnectionStringBuilder(ServerConnectionString) { Database = "" }.ConnectionString);
        await server.OpenAsync();
        await server.ExecuteAsync($"DROP DATABASE IF EXISTS `{Name}`");
    }

    public async Task<T> ScalarAsync<T>(string sql, object? args = null)
    {
        await using var connection = await Db.OpenAsync();
        return await connection.ExecuteScalarAsync<T>(sql, args) ?? throw new InvalidOperationException($"no value: {sql}");
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? args = null)
    {
        await using var connection = await Db.OpenAsync();
        return (await connection.QueryAsync<T>(sql, args)).ToList();
    }
}
