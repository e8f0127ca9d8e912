using Bot.WeChat.Callback;

namespace Bot.Conversation;

// What the bot says back to one inbound message: a text, a single news card, or nothing.
public sealed record ChatReply(string? Text, NewsArticle? Article = null)
{
    public static readonly ChatReply None = new((string?)null);

    public bool IsEmpty => Text is null && Article is null;
}
