using Bot.WeChat.Inbound;

namespace Bot.WeChat.Callback;

// Passive reply XML (§4): To/From swapped from the request, CreateTime in seconds.
public static class PassiveReply
{
    // The "no reply" answer, sent as is even in safe mode.
    public const string Success = "success";

    const int ArticlesForUserMessages = 1;
    const int ArticlesForEvents = 8;

    public static string Text(InboundMessage request, string content, DateTimeOffset now) => Write(request, "text", now, w =>
        // iPhones show "\r\n" as two line breaks.
        w.WriteCData("Content", content.Replace("\r\n", "\n")));

    // News articles beyond what the platform shows (1 for a user message, 8 for an event) are left out, as the
    // platform would drop them silently anyway.
    public static string News(InboundMessage request, IReadOnlyList<NewsArticle> articles, DateTimeOffset now)
    {
        if (articles.Count == 0)
            throw new ArgumentException("A news reply needs at least one article.", nameof(articles));
        var shown = articles.Take(request.IsEvent ? ArticlesForEvents : ArticlesForUserMessages).ToList();
        return Write(request, "news", now, w =>
        {
            w.WriteNumber("ArticleCount", shown.Count);
            w.WriteStartElement("Articles");
            foreach (var article in shown)
            {
                w.WriteStartElement("item");
                w.WriteCData("Title", article.Title);
                w.WriteCData("Description", article.Description.Replace("\r\n", "\n"));
                w.WriteCData("PicUrl", article.PicUrl ?? "");
                w.WriteCData("Url", article.Url);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        });
    }

    static string Write(InboundMessage request, string msgType, DateTimeOffset now, Action<System.Xml.XmlWriter> body) =>
        WeChatXml.Write(w =>
        {
            w.WriteCData("ToUserName", request.FromUserName);
            w.WriteCData("FromUserName", request.ToUserName);
            w.WriteNumber("CreateTime", now.ToUnixTimeSeconds());
            w.WriteCData("MsgType", msgType);
            body(w);
        });
}
