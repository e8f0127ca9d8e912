using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Bot.WeChat.Inbound;

// Turns decrypted callback XML (§2) into an InboundMessage.
public static class InboundParser
{
    const string QrScenePrefix = "qrscene_";

    // throws InboundParseException: Not well-formed, has a DTD, lacks a header field or has a non-numeric
    // number.
    public static InboundMessage Parse(string xml)
    {
        XElement root;
        try
        {
            root = WeChatXml.Load(xml);
        }
        catch (XmlException e)
        {
            throw new InboundParseException($"Callback XML is malformed or declares a DTD: {e.Message}", e);
        }
        var msgType = Required(root, "MsgType");
        var message = msgType == "event" ? ParseEvent(root) : ParseUserMessage(root, msgType);
        return message with
        {
            ToUserName = Required(root, "ToUserName"),
            FromUserName = Required(root, "FromUserName"),
            CreateTime = DateTimeOffset.FromUnixTimeSeconds(Long(root, "CreateTime") ?? throw Missing("CreateTime")),
            MsgType = msgType,
            MsgId = Long(root, "MsgId"),
        };
    }

    static InboundMessage ParseUserMessage(XElement x, string msgType) => msgType switch
    {
        "text" => new TextMessage { Content = Text(x, "Content") },
        "image" => new ImageMessage { PicUrl = Text(x, "PicUrl"), MediaId = Text(x, "MediaId") },
        "voice" => new VoiceMessage
        {
            MediaId = Text(x, "MediaId"), Format = Text(x, "Format"), Recognition = NonEmpty(x, "Recognition"),
        },
        "video" or "shortvideo" => new VideoMessage { MediaId = Text(x, "MediaId"), ThumbMediaId = Text(x, "ThumbMediaId") },
        "location" => new LocationMessage
        {
            Latitude = Double(x, "Location_X"), Longitude = Double(x, "Location_Y"),
            Scale = (int)(Long(x, "Scale") ?? 0), Label = Text(x, "Label"),
        },
        "link" => new LinkMessage { Title = Text(x, "Title"), Description = Text(x, "Description"), Url = Text(x, "Url") },
        _ => new UnknownMessage(),
    };

    static InboundMessage ParseEvent(XElement x)
    {
        var name = Required(x, "Event");
        var key = NonEmpty(x, "EventKey");
        // Event names are documented in mixed case (subscribe, SCAN, CLICK); compare without case.
        InboundEvent? parsed = name.ToLowerInvariant() switch
        {
            "subscribe" => new SubscribeEvent
            {
                SceneKey = key is not null && key.StartsWith(QrScenePrefix, StringComparison.Ordinal)
                    ? key[QrScenePrefix.Length..]
                    : null,
                Ticket = NonEmpty(x, "Ticket"),
            },
            "unsubscribe" => new UnsubscribeEvent(),
            "scan" => new ScanEvent { Ticket = NonEmpty(x, "Ticket") },
            "location" => new LocationEvent
            {
                Latitude = Double(x, "Latitude"), Longitude = Double(x, "Longitude"), Precision = Double(x, "Precision"),
            },
            "click" => new ClickEvent(),
            "view" => new ViewEvent { MenuId = NonEmpty(x, "MenuId") },
            "templatesendjobfinish" => new TemplateSendJobFinishEvent { Status = Text(x, "Status") },
            "subscribe_msg_popup_event" => new SubscribeMsgPopupEvent { Decisions = Decisions(x, "SubscribeMsgPopupEvent") },
            "subscribe_msg_change_event" => new SubscribeMsgChangeEvent { Decisions = Decisions(x, "SubscribeMsgChangeEvent") },
            "subscribe_msg_sent_event" => new SubscribeMsgSentEvent { Deliveries = Deliveries(x) },
            _ => null,
        };
        return parsed is null
            ? new UnknownMessage { Event = name, EventKey = key }
            : parsed with { Event = name, EventKey = key };
    }

    static IReadOnlyList<SubscribeDecision> Decisions(XElement x, string container) =>
        Items(x, container)
            .Select(i => new SubscribeDecision(Text(i, "TemplateId"), Text(i, "SubscribeStatusString"), NonEmpty(i, "PopupScene")))
            .ToList();

    static IReadOnlyList<SubscribeDelivery> Deliveries(XElement x) =>
        Items(x, "SubscribeMsgSentEvent")
            .Select(i => new SubscribeDelivery(Text(i, "TemplateId"), Long(i, "MsgId"), (int?)Long(i, "ErrorCode"), NonEmpty(i, "ErrorStatus")))
            .ToList();

    static IEnumerable<XElement> Items(XElement x, string container) =>
        x.Child(container)?.Elements().Where(e => e.Name.LocalName.Equals("List", StringComparison.OrdinalIgnoreCase)) ?? [];

    static string Text(XElement x, string name) => x.ChildText(name) ?? "";

    static string? NonEmpty(XElement x, string name) => x.ChildText(name) is { Length: > 0 } value ? value : null;

    static string Required(XElement x, string name) => NonEmpty(x, name) ?? throw Missing(name);

    static InboundParseException Missing(string name) => new($"Callback XML lacks <{name}>.");

    static long? Long(XElement x, string name) => NonEmpty(x, name) is not { } text
        ? null
        : long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InboundParseException($"<{name}> is not an integer: '{text}'.");

    static double Double(XElement x, string name) => NonEmpty(x, name) is not { } text
        ? 0
        : double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InboundParseException($"<{name}> is not a number: '{text}'.");
}
