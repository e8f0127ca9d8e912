using System.Text;
using Bot.WeChat.Crypto;

namespace Bot.Tests.WeChat;

// A plaintext-mode callback as the platform signs it (§1.3), for tests that talk to the bot directly.
public static class SignedDelivery
{
    public static HttpRequestMessage Post(string xml, string token = Vectors.Token, string path = "/wechat")
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
        var nonce = Random.Shared.Next(100000, 999999).ToString();
        var signature = WeChatSignature.ForUrl(token, timestamp, nonce);
        return new HttpRequestMessage(HttpMethod.Post, $"{path}?signature={signature}&timestamp={timestamp}&nonce={nonce}&openid=x")
        {
            Content = new StringContent(xml, Encoding.UTF8, "text/xml"),
        };
    }

    public static string Text(string from, string content, long msgId) =>
        $"<xml><ToUserName><![CDATA[gh_0a1b2c3d4e5f]]></ToUserName><FromUserName><![CDATA[{from}]]></FromUserName>" +
        $"<CreateTime>{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}</CreateTime><MsgType><![CDATA[text]]></MsgType>" +
        $"<Content><![CDATA[{content}]]></Content><MsgId>{msgId}</MsgId></xml>";
}
