namespace Bot.Simulator.Chat;

// How a line reached the persona's chat: what they sent themselves, a passive reply, one of the three push
// channels, or the platform's own notice when the bot failed to answer.
public enum ChatChannel { Sent, Passive, Custom, Template, Subscribe, Notice }

public sealed record ChatCard(string Title, string? Description, string? Url, string? PicUrl);

// One line in a persona's chat window, in the order it appeared.
// Kind: text, news, image, voice, video, location, event, miniprogrampage, template, subscribe, notice…
// Fields: Template and subscribe message data (key → value), in the order sent.
public sealed record ChatEntry(
    long Seq, string OpenId, DateTimeOffset At, ChatChannel Channel, string Kind,
    string? Text = null, string? Title = null, IReadOnlyList<ChatCard>? Cards = null,
    IReadOnlyList<KeyValuePair<string, string>>? Fields = null, string? Link = null);
