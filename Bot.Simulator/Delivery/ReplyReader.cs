using System.Xml;
using System.Xml.Linq;
using Bot.Simulator.Chat;
using Bot.WeChat.Crypto;

namespace Bot.Simulator.Delivery;

public enum ReplyOutcome { Silent, Shown, Notice }

// What the user sees: nothing, a reply (Kind text/news/…), or the platform's notice because the reply was
// invalid (Detail says why).
public sealed record ReplyVerdict(ReplyOutcome Outcome, string Detail, string? Kind = null, string? Text = null,
    IReadOnlyList<ChatCard>? Cards = null);

// Judges the bot's HTTP 200 answer as the platform does (§3.2, §1.7, §4).
public sealed class ReplyReader(SimulatorOptions options)
{
    static readonly XmlReaderSettings Safe = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    public ReplyVerdict Read(string body, bool requestWasEncrypted, string personaOpenId, bool toEvent)
    {
        if (body.Length == 0 || body.Trim() == "success")
            return new ReplyVerdict(ReplyOutcome.Silent, body.Length == 0 ? "empty body" : "success");
        if (Load(body) is not { } root)
            return Invalid("the reply is not XML");

        if (root.Element("Encrypt") is { } encrypt)
        {
            var (timestamp, nonce, signature) = (root.Element("TimeStamp")?.Value, root.Element("Nonce")?.Value, root.Element("MsgSignature")?.Value);
            if (timestamp is null || nonce is null
                || !WeChatSignature.Matches(WeChatSignature.ForMessage(options.Token, timestamp, nonce, encrypt.Value), signature))
                return Invalid("MsgSignature does not match the encrypted reply");
            try
            {
                var inner = new WeChatCrypto(options.EncodingAESKey, options.AppId).Decrypt(encrypt.Value);
                root = Load(inner);
                if (root is null)
                    return Invalid("the decrypted reply is not XML");
            }
            catch (WeChatCryptoException e)
            {
                return Invalid($"the encrypted reply does not decrypt: {e.Message}");
            }
        }
        else if (options.Mode == CallbackMode.Safe && requestWasEncrypted)
            return Invalid("safe mode needs an encrypted reply");

        return ReadMessage(root, personaOpenId, toEvent);
    }

    ReplyVerdict ReadMessage(XElement reply, string personaOpenId, bool toEvent)
    {
        if (reply.Element("ToUserName")?.Value != personaOpenId)
            return Invalid($"ToUserName must be the user's openid {personaOpenId}");
        if (reply.Element("FromUserName")?.Value != options.OriginalId)
            return Invalid($"FromUserName must be the account's original id {options.OriginalId}");
        if (!long.TryParse(reply.Element("CreateTime")?.Value, out _))
            return Invalid("CreateTime must be unix seconds");
        var msgType = reply.Element("MsgType")?.Value;
        return msgType switch
        {
            "text" => reply.Element("Content") is { } content
                ? Shown("text", content.Value)
                : Invalid("a text reply needs Content"),
            "news" => News(reply, toEvent),
            "image" or "voice" => reply.Element(msgType == "image" ? "Image" : "Voice")?.Element("MediaId") is { } media
                ? Shown(msgType, media.Value)
                : Invalid($"a {msgType} reply needs a MediaId"),
            "video" or "music" => Shown(msgType, reply.Element(msgType == "video" ? "Video" : "Music")?.Element("Title")?.Value),
            "transfer_customer_service" => Shown("transfer", "（已转接人工客服）"),
            _ => Invalid($"unknown reply MsgType '{msgType}'"),
        };
    }

    static ReplyVerdict News(XElement reply, bool toEvent)
    {
        var items = reply.Element("Articles")?.Elements("item").ToList() ?? [];
        if (items.Count == 0)
            return Invalid("a news reply needs Articles/item");
        // Since 2018 a reply to a user message shows 1 article, to an event up to 8; the rest vanish silently (§4).
        var cards = items.Take(toEvent ? 8 : 1).Select(i => new ChatCard(i.Element("Title")?.Value ?? "",
            i.Element("Description")?.Value, i.Element("Url")?.Value, i.Element("PicUrl")?.Value)).ToList();
        return new ReplyVerdict(ReplyOutcome.Shown, $"news with {items.Count} article(s), {cards.Count} shown", "news", Cards: cards);
    }

    static ReplyVerdict Shown(string kind, string? text) => new(ReplyOutcome.Shown, kind, kind, text);

    static ReplyVerdict Invalid(string why) => new(ReplyOutcome.Notice, why);

    static XElement? Load(string xml)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), Safe);
            return XElement.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
