namespace Bot.Conversation;

public sealed class ConversationOptions
{
    public const string Section = "Conversation";

    // Photos, voice and locations sent this soon after a report attach to it (issue: 10 minutes).
    public TimeSpan AttachWindow { get; set; } = TimeSpan.FromMinutes(10);

    // After a rating without a comment, the next plain message this soon is taken as the comment.
    public TimeSpan CommentWindow { get; set; } = TimeSpan.FromMinutes(5);
}
