using System.Text.Json.Nodes;
using Bot.WeChat.Callback;

namespace Bot.WeChat.Api;

// A customer-service message (§6.1): needs an open per-user allowance, else 45015/45047.
public sealed class CustomMessage
{
    CustomMessage(string toUser, string msgType, JsonObject content)
    {
        ToUser = toUser;
        Json = new JsonObject { ["touser"] = toUser, ["msgtype"] = msgType, [msgType] = content };
    }

    public string ToUser { get; }
    internal JsonObject Json { get; }

    public static CustomMessage Text(string toUser, string content) =>
        new(toUser, "text", new JsonObject { ["content"] = content });

    // Exactly one article: the platform refuses more (§6.1).
    public static CustomMessage News(string toUser, NewsArticle article) =>
        new(toUser, "news", new JsonObject
        {
            ["articles"] = new JsonArray(new JsonObject
            {
                ["title"] = article.Title, ["description"] = article.Description,
                ["url"] = article.Url, ["picurl"] = article.PicUrl ?? "",
            }),
        });

    public static CustomMessage MiniProgramPage(string toUser, string title, string appId, string pagePath, string thumbMediaId) =>
        new(toUser, "miniprogrampage", new JsonObject
        {
            ["title"] = title, ["appid"] = appId, ["pagepath"] = pagePath, ["thumb_media_id"] = thumbMediaId,
        });
}
