using System.Net;
using System.Net.Sockets;

namespace Bot.Tests;

// Stands between the bot and MariaDB so a test can make the database "go away" and come back.
public sealed class TcpProxy(string targetHost, int targetPort) : IAsyncDisposable
{
    TcpListener? listener;
    readonly List<TcpClient> open = [];
    CancellationTokenSource stop = new();
    int resetsLeft;

    public int Port { get; private set; }

    // The next `count` connections are reset (RST) as soon as they are accepted, as an overloaded
    // server does when its accept queue overflows.
    public void ResetNext(int count) => Interlocked.Exchange(ref resetsLeft, count);

    public void Start()
    {
        listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        stop = new CancellationTokenSource();
        _ = AcceptAsync(listener, stop.Token);
    }

    public void Stop()
    {
        stop.Cancel();
        listener?.Stop();
        lock (open)
        {
            foreach (var client in open) client.Dispose();
            open.Clear();
        }
    }

    async Task AcceptAsync(TcpListener server, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient inbound;
            try { inbound = await server.AcceptTcpClientAsync(ct); }
            catch { return; }
            if (Interlocked.Decrement(ref resetsLeft) >= 0)
            {
                inbound.Client.LingerState = new LingerOption(true, 0);
                inbound.Dispose();
                continue;
            }
            var outbound = new TcpClient();
            try { await outbound.ConnectAsync(targetHost, targetPort, ct); }
            catch { inbound.Dispose(); continue; }
            lock (open) { open.Add(inbound); open.Add(outbound); }
            _ = PumpAsync(inbound, outbound, ct);
            _ = PumpAsync(outbound, inbound, ct);
        }
    }

    static async Task PumpAsync(TcpClient from, TcpClient to, CancellationToken ct)
    {
        try { await from.GetStream().CopyToAsync(to.GetStream(), ct); }
        catch { /* either side closing ends the pump */ }
        from.Dispose();
        to.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }
}
