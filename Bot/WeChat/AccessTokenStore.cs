using Bot.Domain.Storage;
using Bot.WeChat.Api;
using Dapper;
using MySql.Data.MySqlClient;

namespace Bot.WeChat;

// The access tokens of §5, one MySQL row per app shared by every instance. Refreshes happen under
// a named lock with the row re-read after locking, so however many instances notice an old token,
// one fetches and the rest use its result. stable_token in normal mode hands every caller the same
// token, so even a race does not invalidate anyone's; force_refresh (20 a day) is the last resort.
public sealed class AccessTokenStore(Db db, WeChatApiClient api, TimeProvider clock, ILogger<AccessTokenStore> log)
{
    static readonly TimeSpan MaxEarly = TimeSpan.FromMinutes(10);
    const int LockWaitSeconds = 10;

    // Calls with the current token; when the platform calls that token invalid (40001/40014/42001),
    // refreshes once and calls once more (§5.3).
    public async Task<WeChatResult> CallAsync(WeChatApp app, Func<string, CancellationToken, Task<WeChatResult>> call,
        CancellationToken ct)
    {
        var token = await GetAsync(app, ct);
        if (!token.IsOk)
            return token;
        var result = await call(token.Value!, ct);
        if (result.Kind != WeChatErrorKind.TokenInvalid)
            return result;
        log.LogWarning("The platform refused the access token of {AppId} ({Code}); refreshing once", app.AppId, result.ErrorCode);
        var fresh = await RefreshAsync(app, rejected: token.Value, ct);
        return fresh.IsOk ? await call(fresh.Value!, ct) : fresh;
    }

    public async Task<WeChatResult<string>> GetAsync(WeChatApp app, CancellationToken ct)
    {
        Row? row;
        await using (var connection = await db.OpenAsync(ct))
            row = await ReadAsync(connection, app.AppId, ct);
        return row is not null && IsFresh(row) ? Ok(row.Token) : await RefreshAsync(app, rejected: null, ct);
    }

    // rejected: the token the platform just refused. Single flight: when the stored token is no
    // longer that one, another caller has refreshed already and its token is used.
    async Task<WeChatResult<string>> RefreshAsync(WeChatApp app, string? rejected, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var lockName = $"bot.token.{connection.Database}.{app.AppId}";
        var locked = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "SELECT GET_LOCK(@lockName, @LockWaitSeconds)", new { lockName, LockWaitSeconds }, cancellationToken: ct));
        if (locked != 1)
            return new WeChatResult<string>(null, null, WeChatErrorKind.Transient, "another instance is still refreshing the token");
        try
        {
            var row = await ReadAsync(connection, app.AppId, ct);
            if (row is not null && (rejected is null ? IsFresh(row) : row.Token != rejected && clock.GetUtcNow().UtcDateTime < row.ExpiresAt))
                return Ok(row.Token);

            var fetched = await api.GetStableTokenAsync(app.AppId, app.Secret, forceRefresh: false, ct);
            // Normal mode hands back a token the platform has just refused only if it was revoked
            // without our doing; then, and only then, force a new one.
            if (fetched.IsOk && fetched.Value!.Token == rejected)
                fetched = await api.GetStableTokenAsync(app.AppId, app.Secret, forceRefresh: true, ct);
            if (!fetched.IsOk)
            {
                log.LogError("Could not fetch the access token of {AppId}: {Code} {Kind} {Message}",
                    app.AppId, fetched.ErrorCode, fetched.Kind, fetched.ErrorMessage);
                return new WeChatResult<string>(null, fetched.ErrorCode, fetched.Kind, fetched.ErrorMessage);
            }
            var issued = fetched.Value!;
            var now = clock.GetUtcNow().UtcDateTime;
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO access_token (app_id, token, expires_at, fetched_at) VALUES (@AppId, @Token, @ExpiresAt, @Now)
                ON DUPLICATE KEY UPDATE token = @Token, expires_at = @ExpiresAt, fetched_at = @Now
                """, new { app.AppId, issued.Token, ExpiresAt = now + issued.ExpiresIn, Now = now }, cancellationToken: ct));
            log.LogInformation("Fetched an access token for {AppId}, valid {Lifetime}", app.AppId, issued.ExpiresIn);
            return Ok(issued.Token);
        }
        finally
        {
            await connection.ExecuteAsync("SELECT RELEASE_LOCK(@lockName)", new { lockName });
        }
    }

    // Early by 10 minutes, as the .NET SDK does (§5.3), or by a quarter of a short lifetime.
    bool IsFresh(Row row)
    {
        var early = TimeSpan.FromTicks(Math.Min(MaxEarly.Ticks, (row.ExpiresAt - row.FetchedAt).Ticks / 4));
        return clock.GetUtcNow().UtcDateTime < row.ExpiresAt - early;
    }

    static Task<Row?> ReadAsync(MySqlConnection connection, string appId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT token, expires_at, fetched_at FROM access_token WHERE app_id = @appId", new { appId }, cancellationToken: ct));

    static WeChatResult<string> Ok(string token) => new(token, 0, WeChatErrorKind.Ok, null);

    sealed record Row(string Token, DateTime ExpiresAt, DateTime FetchedAt);
}
