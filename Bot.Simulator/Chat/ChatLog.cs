namespace Bot.Simulator.Chat;

// Every persona's chat, in one sequence so the page can poll "everything after N".
public sealed class ChatLog(SimClock clock)
{
    readonly Lock gate = new();
    readonly List<ChatEntry> entries = [];
    long seq;

    public ChatEntry Add(string openId, ChatChannel channel, string kind, string? text = null, string? title = null,
        IReadOnlyList<ChatCard>? cards = null, IReadOnlyList<KeyValuePair<string, string>>? fields = null, string? link = null)
    {
        lock (gate)
        {
            var entry = new ChatEntry(++seq, openId, clock.GetUtcNow(), channel, kind, text, title, cards, fields, link);
            entries.Add(entry);
            return entry;
        }
    }

    public IReadOnlyList<ChatEntry> For(string openId, long after = 0)
    {
        lock (gate)
            return entries.Where(e => e.OpenId == openId && e.Seq > after).ToList();
    }

    public void Reset()
    {
        lock (gate)
            entries.Clear();
    }
}
