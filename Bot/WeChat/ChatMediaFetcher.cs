using Bot.Domain.Storage;
using Bot.MiniProgram;
using Bot.WeChat.Api;
using Dapper;
using Microsoft.Extensions.Options;

namespace Bot.WeChat;

// Photos and voice notes sent in chat arrive as media ids that WeChat keeps for three days (§8):
// fetch each one soon after it lands on a demand and keep the file beside the mini-program uploads.
public sealed class ChatMediaFetcher(Db db, WeChatApiClient api, AccessTokenStore tokens, MediaStore files,
    IOptions<WeChatOptions> options, TimeProvider clock, ILogger<ChatMediaFetcher> log) : BackgroundService
{
    const string DueSql = """
        SELECT p.id, p.media_id FROM demand_photo p
        LEFT JOIN media_fetch_failure f ON f.photo_id = p.id
        WHERE p.media_id IS NOT NULL AND p.stored_path IS NULL AND f.photo_id IS NULL AND p.added_at >= @since
        ORDER BY p.id LIMIT 20
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await FetchDueAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(e, "Fetching chat media failed; trying again shortly");
            }
            try
            {
                await Task.Delay(options.Value.MediaPollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task FetchDueAsync(CancellationToken ct)
    {
        IReadOnlyList<Due> due;
        await using (var connection = await db.OpenAsync(ct))
            due = (await connection.QueryAsync<Due>(new CommandDefinition(DueSql,
                new { since = clock.GetUtcNow().AddDays(-3).UtcDateTime }, cancellationToken: ct))).ToList();
        foreach (var photo in due)
            await FetchAsync(photo, ct);
    }

    async Task FetchAsync(Due photo, CancellationToken ct)
    {
        DownloadedMedia? media = null;
        var result = await tokens.CallAsync(options.Value.OfficialAccount, async (token, c) =>
        {
            var got = await api.GetMediaAsync(token, photo.MediaId, c);
            media = got.Value;
            return new WeChatResult(got.ErrorCode, got.Kind, got.ErrorMessage);
        }, ct);
        await using var connection = await db.OpenAsync(ct);
        if (result.IsOk && media is { Content.Length: > 0 } file)
        {
            // The bytes say what the file is; the header may just say octet-stream.
            var type = MediaStore.ImageType(file.Content) ?? file.ContentType;
            var stored = await files.WriteFileAsync($"chat-{photo.Id}", file.Content, type, ct);
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE demand_photo SET stored_path = @stored WHERE id = @Id", new { stored, photo.Id }, cancellationToken: ct));
        }
        else if (result.Kind is WeChatErrorKind.Permanent or WeChatErrorKind.Ok)
        {
            // 40007 (unknown or expired id) or a video link: asking again will not help.
            var error = result.IsOk ? "no file content (video link?)" : $"errcode {result.ErrorCode}";
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO media_fetch_failure (photo_id, error, failed_at) VALUES (@Id, @error, @at)
                ON DUPLICATE KEY UPDATE error = VALUES(error)
                """, new { photo.Id, error, at = clock.GetUtcNow().UtcDateTime }, cancellationToken: ct));
        }
    }

    sealed record Due(long Id, string MediaId);
}
