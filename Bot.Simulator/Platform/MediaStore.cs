namespace Bot.Simulator.Platform;

public sealed record StoredMedia(string Id, string Type, byte[] Content, string ContentType, string FileName, DateTimeOffset CreatedAt);

// Temporary media: uploaded by the bot or sent by a persona, gone after 3 days (§8).
public sealed class MediaStore(SimClock clock)
{
    static readonly TimeSpan Lifetime = TimeSpan.FromDays(3);

    readonly Lock gate = new();
    readonly Dictionary<string, StoredMedia> media = new();

    public StoredMedia Save(string type, byte[] content, string contentType, string fileName)
    {
        var stored = new StoredMedia(Ids.Random("SIM_MEDIA_", 12), type, content, contentType, fileName, clock.GetUtcNow());
        lock (gate)
            media[stored.Id] = stored;
        return stored;
    }

    // Null for an unknown or expired id (40007).
    public StoredMedia? Find(string? id)
    {
        lock (gate)
            return id is not null && media.TryGetValue(id, out var found) && clock.GetUtcNow() - found.CreatedAt < Lifetime
                ? found
                : null;
    }

    public void Reset()
    {
        lock (gate)
            media.Clear();
    }
}
