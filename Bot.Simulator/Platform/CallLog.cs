namespace Bot.Simulator.Platform;

// ErrorCode: The errcode answered; null when the answer was not a WeChat JSON body (HTTP 500, media bytes).
public sealed record ApiCall(DateTimeOffset At, string Method, string Path, int Status, int? ErrorCode);

// Every API call the bot made, so tests can assert what was sent and how it was answered.
public sealed class CallLog
{
    readonly Lock gate = new();
    readonly List<ApiCall> calls = [];

    public void Add(ApiCall call)
    {
        lock (gate)
            calls.Add(call);
    }

    public IReadOnlyList<ApiCall> All
    {
        get
        {
            lock (gate)
                return calls.ToList();
        }
    }

    public void Reset()
    {
        lock (gate)
            calls.Clear();
    }
}
