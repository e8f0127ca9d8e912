using Microsoft.Extensions.Options;

namespace Bot.Simulator.Platform;

public enum TokenFamily { Classic, Stable }

public sealed record TokenGrant(string? Token, int ExpiresInSeconds, int ErrorCode);

// Access tokens per §5.2: a classic fetch issues a new token and gives the previous one 5 more minutes; a
// stable fetch returns the same token until its last 5 minutes; force refresh is capped and spaced.
public sealed class TokenIssuer(IOptions<SimulatorOptions> options, SimClock clock)
{
    static readonly TimeSpan Overlap = TimeSpan.FromMinutes(5);
    static readonly TimeSpan ForceRefreshSpacing = TimeSpan.FromSeconds(30);
    const string Prefix = "SIM_";

    sealed class Issued(string value, string appId, DateTimeOffset expiresAt)
    {
        public string Value { get; } = value;
        public string AppId { get; } = appId;
        public DateTimeOffset ExpiresAt { get; } = expiresAt;
        // From here on the token answers 40001 ("not latest").
        public DateTimeOffset? RevokedAt { get; set; }
    }

    readonly Lock gate = new();
    readonly Dictionary<string, Issued> tokens = new();
    readonly Dictionary<(string AppId, TokenFamily Family), Issued> current = new();
    readonly Dictionary<(string AppId, DateOnly Day), int> classicCalls = new();
    readonly Dictionary<(string AppId, DateOnly Day), int> forcedRefreshes = new();
    readonly Dictionary<string, DateTimeOffset> lastForcedRefresh = new();

    public TokenGrant IssueClassic(string appId)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            var day = (appId, clock.BeijingDay);
            var calls = classicCalls.GetValueOrDefault(day);
            if (calls >= options.Value.TokenDailyLimit)
                return new TokenGrant(null, 0, 45009);
            classicCalls[day] = calls + 1;
            if (current.GetValueOrDefault((appId, TokenFamily.Classic)) is { } previous)
                previous.RevokedAt = Earliest(previous.RevokedAt, now + Overlap);
            return Grant(Issue(appId, TokenFamily.Classic, now), now);
        }
    }

    public TokenGrant IssueStable(string appId, bool forceRefresh)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            var existing = current.GetValueOrDefault((appId, TokenFamily.Stable));
            var usable = existing is not null && existing.RevokedAt is null && now < existing.ExpiresAt - Overlap;
            if (forceRefresh && !(lastForcedRefresh.TryGetValue(appId, out var last) && now - last < ForceRefreshSpacing))
            {
                var day = (appId, clock.BeijingDay);
                var count = forcedRefreshes.GetValueOrDefault(day);
                if (count >= options.Value.StableForceRefreshDailyLimit)
                    return new TokenGrant(null, 0, 45009);
                forcedRefreshes[day] = count + 1;
                lastForcedRefresh[appId] = now;
                if (existing is not null)
                    existing.RevokedAt = now;
                return Grant(Issue(appId, TokenFamily.Stable, now), now);
            }
            // Within 30 s of the last forced refresh, a forced call is a normal call.
            return usable ? Grant(existing!, now) : Grant(Issue(appId, TokenFamily.Stable, now), now);
        }
    }

    // 0 when the token is valid for appId; otherwise the platform's errcode.
    public int Check(string? token, string appId)
    {
        if (string.IsNullOrEmpty(token))
            return 41001;
        if (!token.StartsWith(Prefix, StringComparison.Ordinal))
            return 40014;
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (!tokens.TryGetValue(token, out var issued) || issued.RevokedAt <= now)
                return 40001;
            if (issued.ExpiresAt <= now)
                return 42001;
            return issued.AppId == appId ? 0 : 48001;
        }
    }

    // Fault injection: every token issued so far answers 40001 from now on.
    public void InvalidateAll()
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            foreach (var issued in tokens.Values)
                issued.RevokedAt = Earliest(issued.RevokedAt, now);
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            tokens.Clear();
            current.Clear();
            classicCalls.Clear();
            forcedRefreshes.Clear();
            lastForcedRefresh.Clear();
        }
    }

    Issued Issue(string appId, TokenFamily family, DateTimeOffset now)
    {
        // Real tokens are long (store ≥ 512 characters); a long one here catches a too-narrow column early.
        var issued = new Issued(Prefix + Ids.Random("", 64), appId, now + options.Value.TokenLifetime);
        tokens[issued.Value] = issued;
        current[(appId, family)] = issued;
        return issued;
    }

    static TokenGrant Grant(Issued issued, DateTimeOffset now) =>
        new(issued.Value, (int)Math.Ceiling((issued.ExpiresAt - now).TotalSeconds), 0);

    static DateTimeOffset Earliest(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x < b ? x : b;
}
