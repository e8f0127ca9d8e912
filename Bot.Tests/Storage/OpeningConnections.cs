using Bot.Domain.Storage;
using Dapper;
using MySql.Data.MySqlClient;

namespace Bot.Tests.Storage;

// The real MariaDB behind a proxy that resets the first connections, as an overloaded server does.
public sealed class OpeningConnections : IAsyncLifetime
{
    readonly TcpProxy proxy;
    readonly Db db;

    public OpeningConnections()
    {
        var server = new MySqlConnectionStringBuilder(TestDatabase.ServerConnectionString);
        proxy = new TcpProxy(server.Server, (int)server.Port);
        proxy.Start();
        // No pooling: every open is a new TCP connection through the proxy. The proxy pumps bytes on this
        // process's pool, which CPU-heavy tests share: the timeout is for a loaded machine, not a test of speed.
        db = new Db(new MySqlConnectionStringBuilder(TestDatabase.ServerConnectionString)
            { Port = (uint)proxy.Port, Pooling = false, ConnectionTimeout = 60 }.ConnectionString);
    }

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await proxy.DisposeAsync();

    [Fact]
    public async Task A_connection_dropped_while_opening_is_tried_again()
    {
        proxy.ResetNext(2);

        await using var connection = await db.OpenAsync();

        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT 1"));
    }

    [Fact]
    public async Task A_server_that_keeps_dropping_fails_the_open_after_three_tries()
    {
        proxy.ResetNext(3);

        await Assert.ThrowsAsync<MySqlException>(async () => await db.OpenAsync());
        await using var connection = await db.OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT 1"));
    }
}
