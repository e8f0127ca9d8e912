using Dapper;
using MySql.Data.MySqlClient;

namespace Bot.Domain.Storage;

// The one place that opens connections: open late, dispose at once.
public sealed class Db
{
    static Db() => DefaultTypeMap.MatchNamesWithUnderscores = true;

    public Db(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    // Host and port only: this goes into error messages, the password never does.
    public string Target
    {
        get
        {
            var b = new MySqlConnectionStringBuilder(ConnectionString);
            return $"{b.Server}:{b.Port}/{b.Database}";
        }
    }

    public async Task<MySqlConnection> OpenAsync(CancellationToken ct = default)
    {
        var connection = new MySqlConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
