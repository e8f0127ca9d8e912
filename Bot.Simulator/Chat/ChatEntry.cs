namespace Bot.Simulator.Chat;

/// <summary>How a line reached the persona's chat: what they sent themselves, a passive reply, one of the three
/// push channels, or the platform's own notice when the bot failed to answer.</summary>
public enum ChatChannel { Sent, Passive, Custom, Template, Subscribe, Notice }

public sealed record ChatCard(string Title, string? Description, string? Url, string? PicUrl);

/// <summary>One line in a persona's chat window, in the order it appeared.</summary>
/// <param name="Kind">text, news, image, voice, video, location, event, miniprogrampage, template, subscribe, notice…</param>
/// <param name="Fields">Template and subscribe message data (key → value), in the order sent.</param>
public sealed record ChatEntry(
    long Seq, string OpenId, DateTimeOffset At, ChatChannel Channel, string Kind,
    string? Text = null, string? Title = null, IReadOnlyList<ChatCard>? Cards = null,
    IReadOnlyList<KeyValuePair<string, string>>? Fields = null, string? Link = null);
