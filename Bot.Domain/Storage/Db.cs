using System.Net.Sockets;
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
        for (var attempt = 1; ; attempt++)
        {
            var connection = new MySqlConnection(ConnectionString);
            try
            {
                await connection.OpenAsync(ct);
                return connection;
            }
            catch (Exception e) when (attempt < DropAttempts && IsDropped(e))
            {
                await connection.DisposeAsync();
                await Task.Delay(50 * attempt, ct);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }
    }

    // A server that drops a connection while it is being opened (reset, broken pipe or the stream
    // ending before the greeting: a burst of connects overflowing its accept queue) is up and answers
    // the next try. Nothing was sent yet, so
    // trying again is safe; a refused or timed-out connect (a server that is down) fails at once.
    const int DropAttempts = 3;

    static bool IsDropped(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is EndOfStreamException or SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown }) return true;
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsDropped)) return true;
        }
        return false;
    }
}
