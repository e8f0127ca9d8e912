namespace Bot.WeChat.Callback;

// One 图文 item: in a news reply (§4) or a custom news message (§6.1).
public sealed record NewsArticle(string Title, string Description, string Url, string? PicUrl = null);
