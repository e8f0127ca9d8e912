using System.Diagnostics;
using System.Text.Json;
using Bot.Tests.Simulator;

namespace Bot.Tests.Outbox;

public sealed record OutboxRow(long Id, string IdempotencyKey, string Status, int Attempts, string? Channel, string? LastError);

// What the outbox table and the simulator say, read the way a test waits for them.
public static class OutboxRows
{
    public static Task<IReadOnlyList<OutboxRow>> AllAsync(TestDatabase db) =>
        db.QueryAsync<OutboxRow>("SELECT id, idempotency_key, status, attempts, channel, last_error FROM outbox ORDER BY id");

    // Waits until no row is Pending or Sending (or the timeout), then returns every row.
    public static async Task<IReadOnlyList<OutboxRow>> SettledAsync(TestDatabase db, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var rows = await AllAsync(db);
            if (rows.All(r => r.Status is not ("Pending" or "Sending")) || clock.Elapsed > (timeout ?? TimeSpan.FromSeconds(30)))
                return rows;
            await Task.Delay(100);
        }
    }

    public static async Task<int> CallsToAsync(this RunningSimulator sim, string path) =>
        (await sim.CallsAsync()).Count(c => c.GetProperty("path").GetString()!.TrimStart('/') == path);

    public static int? ErrorCode(this JsonElement call) =>
        call.GetProperty("errorCode").ValueKind == JsonValueKind.Number ? call.GetProperty("errorCode").GetInt32() : null;

    // The errcodes (null: HTTP error) the simulator answered on one API, in order.
    public static async Task<List<int?>> CodesOnAsync(this RunningSimulator sim, string path) =>
        (await sim.CallsAsync()).Where(c => c.GetProperty("path").GetString()!.TrimStart('/') == path)
            .Select(c => c.GetProperty("status").GetInt32() == 200 ? c.ErrorCode() ?? 0 : (int?)null).ToList();

    // The thing1 value of every template the persona got, in order.
    public static async Task<List<string>> TemplateTextsAsync(this RunningSimulator sim, string persona) =>
        (await sim.ReceivedAsync(persona))
            .Where(e => e.GetProperty("channel").GetString() == "template")
            .Select(e => e.GetProperty("fields").EnumerateArray().First(f => f.GetProperty("key").GetString() == "thing1")
                .GetProperty("value").GetString()!)
            .ToList();
}
