using Bot.Domain.Storage;
using Bot.WeChat.Inbound;
using Dapper;

namespace Bot.WeChat;

// The customer-service allowances of §6.1 as the bot knows them from its own callbacks. They are a
// forecast, not the platform's word: the outbox still handles 45015/45047 when it is wrong.
public sealed class ContactWindows(Db db, TimeProvider clock)
{
    static readonly TimeSpan MessageWindow = TimeSpan.FromHours(48);
    const int MessageSends = 5;
    static readonly TimeSpan TapWindow = TimeSpan.FromMinutes(1);
    const int TapSends = 3;

    public Task RecordAsync(InboundMessage message, CancellationToken ct) => message switch
    {
        UserMessage => ExecuteAsync("""
            INSERT INTO wechat_contact (openid, message_window_until, message_sends_left) VALUES (@OpenId, @Until, @Sends)
            ON DUPLICATE KEY UPDATE message_window_until = @Until, message_sends_left = @Sends
            """, message.FromUserName, MessageWindow, MessageSends, ct),
        // Only click menus open the short window; view menus do not (§6.1).
        SubscribeEvent or ScanEvent or ClickEvent => ExecuteAsync("""
            INSERT INTO wechat_contact (openid, tap_window_until, tap_sends_left) VALUES (@OpenId, @Until, @Sends)
            ON DUPLICATE KEY UPDATE tap_window_until = @Until, tap_sends_left = @Sends
            """, message.FromUserName, TapWindow, TapSends, ct),
        UnsubscribeEvent => CloseAsync(message.FromUserName, ct),
        _ => Task.CompletedTask,
    };

    public async Task<bool> IsOpenAsync(string openId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition("""
            SELECT COUNT(*) FROM wechat_contact
            WHERE openid = @openId
              AND ((tap_window_until > @now AND tap_sends_left > 0) OR (message_window_until > @now AND message_sends_left > 0))
            """, new { openId, now = clock.GetUtcNow().UtcDateTime }, cancellationToken: ct)) > 0;
    }

    // Counts one delivered customer-service message against the window that closes first, as the
    // platform seems to (a tap window lasts a minute, a message window two days).
    public async Task SpendAsync(string openId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var args = new { openId, now = clock.GetUtcNow().UtcDateTime };
        if (await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE wechat_contact SET tap_sends_left = tap_sends_left - 1
                WHERE openid = @openId AND tap_window_until > @now AND tap_sends_left > 0
                """, args, cancellationToken: ct)) == 0)
            await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE wechat_contact SET message_sends_left = message_sends_left - 1
                WHERE openid = @openId AND message_window_until > @now AND message_sends_left > 0
                """, args, cancellationToken: ct));
    }

    // The platform said 45015 or 45047, or the user unfollowed: nothing more until they act again.
    public async Task CloseAsync(string openId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE wechat_contact SET message_sends_left = 0, tap_sends_left = 0 WHERE openid = @openId",
            new { openId }, cancellationToken: ct));
    }

    async Task ExecuteAsync(string sql, string openId, TimeSpan window, int sends, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(sql,
            new { OpenId = openId, Until = clock.GetUtcNow().UtcDateTime + window, Sends = sends }, cancellationToken: ct));
    }
}
