namespace Bot.Conversation;

public sealed class ConversationOptions
{
    public const string Section = "Conversation";

    // Photos, voice and locations sent this soon after a report attach to it (issue: 10 minutes).
    public TimeSpan AttachWindow { get; set; } = TimeSpan.FromMinutes(10);
}
