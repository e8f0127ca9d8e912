using System.Security.Cryptography;
using Bot.Domain.Demands;
using Bot.Domain.Storage;
using Dapper;
using Microsoft.Extensions.Options;

namespace Bot.MiniProgram;

public sealed record StoredMedia(string Id, string ContentType, int SizeBytes);

// Photos uploaded ahead of the report or progress note that uses them: the file under the media
// folder, a row saying whose it is, and later which demand took it.
public sealed class MediaStore(Db db, IOptions<MiniProgramOptions> options, TimeProvider clock)
{
    public async Task<StoredMedia> SaveAsync(long personId, byte[] content, string contentType, CancellationToken ct)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var now = clock.GetUtcNow();
        var relative = await WriteFileAsync(id, content, contentType, ct);
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO media_upload (id, person_id, stored_path, content_type, size_bytes, created_at)
            VALUES (@id, @personId, @relative, @contentType, @size, @at)
            """, new { id, personId, relative, contentType, size = content.Length, at = now.UtcDateTime }, cancellationToken: ct));
        return new StoredMedia(id, contentType, content.Length);
    }

    // The file under the media folder, by month; returns the path relative to the folder.
    public async Task<string> WriteFileAsync(string name, byte[] content, string contentType, CancellationToken ct)
    {
        var relative = Path.Combine(clock.GetUtcNow().ToString("yyyy-MM"), name + Extension(contentType));
        var path = Path.Combine(Path.GetFullPath(options.Value.MediaFolder), relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, content, ct);
        return relative;
    }

    // The ids among these that the person cannot attach: not theirs, unknown, or already on a demand.
    public async Task<IReadOnlyList<string>> UnusableAsync(long personId, IReadOnlyList<string> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
            return [];
        await using var connection = await db.OpenAsync(ct);
        var usable = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT id FROM media_upload WHERE id IN @ids AND person_id = @personId AND demand_id IS NULL",
            new { ids, personId }, cancellationToken: ct))).ToHashSet();
        return ids.Where(id => !usable.Contains(id)).ToList();
    }

    // Inside the demand's own transaction, so a step and its photos land together or not at all.
    public async Task AttachAsync(DemandWriter write, long demandId, long personId, IReadOnlyList<string> ids, string purpose)
    {
        if (ids.Count == 0)
            return;
        var args = new { demandId, personId, ids, purpose, at = clock.GetUtcNow().UtcDateTime };
        var claimed = await write.Connection.ExecuteAsync(
            "UPDATE media_upload SET demand_id = @demandId WHERE id IN @ids AND person_id = @personId AND demand_id IS NULL",
            args, write.Transaction);
        if (claimed != ids.Count)
            throw new RuleViolation(RuleViolationKind.StaleVersion, "A photo was attached elsewhere meanwhile; upload it again.");
        await write.Connection.ExecuteAsync("""
            INSERT INTO demand_photo (demand_id, media_id, stored_path, purpose, added_by, added_at)
            SELECT @demandId, id, stored_path, @purpose, @personId, @at FROM media_upload WHERE id IN @ids
            """, args, write.Transaction);
    }

    // Photos are recognised by their first bytes; the file name and the declared type prove nothing.
    public static string? ImageType(ReadOnlySpan<byte> head) =>
        head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8) ? "image/webp"
        : null;

    static string Extension(string contentType) => contentType switch
    {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "image/webp" => ".webp",
        "image/gif" => ".gif",
        "audio/amr" => ".amr",
        "audio/mpeg" or "audio/mp3" => ".mp3",
        _ => ".bin",
    };
}
