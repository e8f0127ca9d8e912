namespace Bot.Simulator.Platform;

// wx.login codes: single use (40163), valid 5 minutes (40029), 100 redemptions per user per minute (45011).
public sealed class LoginCodes(SimClock clock)
{
    static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    const int PerMinute = 100;

    sealed class Code(Persona persona, DateTimeOffset issuedAt)
    {
        public Persona Persona { get; } = persona;
        public DateTimeOffset IssuedAt { get; } = issuedAt;
        public bool IsUsed { get; set; }
    }

    readonly Lock gate = new();
    readonly Dictionary<string, Code> codes = new();
    readonly List<(string OpenId, DateTimeOffset At)> redemptions = [];

    public string Issue(Persona persona)
    {
        var value = Ids.Random("", 16);
        lock (gate)
            codes[value] = new Code(persona, clock.GetUtcNow());
        return value;
    }

    public (int ErrorCode, Persona? Persona) Redeem(string? value)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (value is null || !codes.TryGetValue(value, out var code) || now - code.IssuedAt > Lifetime)
                return (40029, null);
            if (code.IsUsed)
                return (40163, null);
            redemptions.RemoveAll(r => now - r.At > TimeSpan.FromMinutes(1));
            if (redemptions.Count(r => r.OpenId == code.Persona.OpenId) >= PerMinute)
                return (45011, null);
            code.IsUsed = true;
            redemptions.Add((code.Persona.OpenId, now));
            return (0, code.Persona);
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            codes.Clear();
            redemptions.Clear();
        }
    }
}
