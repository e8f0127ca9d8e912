using Bot.WeChat.Callback;
using Bot.WeChat.Crypto;
using Bot.WeChat.Inbound;

namespace Bot.Tests.WeChat;

public sealed class PassiveReplies
{
    static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1700000001);
    readonly InboundMessage request = InboundParser.Parse(Vectors.BXml);

    [Fact]
    public void A_text_reply_is_byte_identical_to_vector_C()
    {
        var reply = PassiveReply.Text(request, "已收到，编号 D-0001", Now);
        Assert.Equal(Vectors.CXml, reply);
    }

    [Fact]
    public void A_text_reply_keeps_cdata_intact_around_a_literal_terminator_and_normalises_newlines()
    {
        var reply = PassiveReply.Text(request, "a]]>b\r\n第二行", Now);
        var parsed = System.Xml.Linq.XElement.Parse(reply);
        Assert.Equal("a]]>b\n第二行", parsed.Element("Content")!.Value);
    }

    [Fact]
    public void A_news_reply_to_a_user_message_shows_one_article_and_to_an_event_up_to_eight()
    {
        var articles = Enumerable.Range(1, 10).Select(i => new NewsArticle($"诉求 {i}", "点击查看", $"https://bot.example.cn/d/{i}")).ToList();
        var click = InboundParser.Parse("<xml><ToUserName>gh_1</ToUserName><FromUserName>o1</FromUserName><CreateTime>1</CreateTime><MsgType>event</MsgType><Event>CLICK</Event><EventKey>MY_DEMANDS</EventKey></xml>");

        var toMessage = System.Xml.Linq.XElement.Parse(PassiveReply.News(request, articles, Now));
        var toEvent = System.Xml.Linq.XElement.Parse(PassiveReply.News(click, articles, Now));

        Assert.Equal("1", toMessage.Element("ArticleCount")!.Value);
        Assert.Single(toMessage.Element("Articles")!.Elements("item"));
        Assert.Equal("8", toEvent.Element("ArticleCount")!.Value);
        Assert.Equal(8, toEvent.Element("Articles")!.Elements("item").Count());
        Assert.Equal(("o1", "gh_1"), (toEvent.Element("ToUserName")!.Value, toEvent.Element("FromUserName")!.Value));
    }

    [Fact]
    public void An_encrypted_reply_matches_vector_C_envelope()
    {
        var envelope = new CallbackEnvelope(Vectors.Token, new WeChatCrypto(Vectors.EncodingAesKey, Vectors.AppId));

        var sealedReply = envelope.Encrypted(Vectors.CXml, "1700000001", "987654321", Vectors.Ascii("QRSTUVWXYZ012345"));

        Assert.Equal(
            $"<xml><Encrypt><![CDATA[{Vectors.CEncrypt}]]></Encrypt><MsgSignature><![CDATA[5f51ecdda829e989cfc8f7876d16108ad587decf]]></MsgSignature><TimeStamp>1700000001</TimeStamp><Nonce><![CDATA[987654321]]></Nonce></xml>",
            sealedReply);
    }
}
