using Bot.Simulator.Chat;
using Bot.Simulator.Platform;
using Microsoft.Extensions.Options;

namespace Bot.Simulator.Delivery;

// Plays a persona's action through the platform: writes the callback XML, opens the customer-message allowance
// it earns, delivers it to the bot and puts what the user would see into the chat.
public sealed class PersonaActions(
    IOptions<SimulatorOptions> options, SimClock clock, Ids ids, PersonaDirectory personas, CustomAllowances allowances,
    MediaStore media, ChatLog chat, CallbackDelivery delivery)
{
    // What the platform shows when a reply is missing or invalid (§3.2).
    public const string ServiceNotice = "该公众号暂时无法提供服务，请稍后再试";

    // A 1×1 PNG for image messages sent without a file.
    static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    // throws ArgumentException: Unknown type or missing field.
    // throws InvalidOperationException: The persona does not follow the account.
    public async Task<DeliveryReport> SendAsync(Persona persona, PersonaInput input, string publicBaseUrl, CancellationToken ct)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var type = input.Type.ToLowerInvariant();
        var isEvent = type is "subscribe" or "unsubscribe" or "scan" or "click" or "view" or "location_event";
        if (type is not ("subscribe" or "raw") && !personas.FollowOf(persona).IsFollowing)
            throw new InvalidOperationException($"{persona.Name} does not follow the account; send a subscribe first.");

        long? msgId = isEvent || type == "raw" ? null : ids.NextMsgId();
        string Message(string msgType, params (string, object?)[] fields) =>
            InboundXml.Build(o.OriginalId, persona.OpenId, now, msgType, [.. fields, ("MsgId", msgId)]);
        string Event(string name, params (string, object?)[] fields) =>
            InboundXml.Build(o.OriginalId, persona.OpenId, now, "event", [("Event", name), .. fields]);

        string xml;
        switch (type)
        {
            case "text":
                var content = Required(input.Content, "content");
                xml = Message("text", ("Content", content));
                chat.Add(persona.OpenId, ChatChannel.Sent, "text", content);
                break;
            case "image":
                var image = input.MediaId ?? media.Save("image", TinyPng, "image/png", "photo.png").Id;
                xml = Message("image", ("PicUrl", $"{publicBaseUrl}/sim/media/{image}"), ("MediaId", image));
                chat.Add(persona.OpenId, ChatChannel.Sent, "image", link: $"/sim/media/{image}");
                break;
            case "voice":
                var voice = input.MediaId ?? media.Save("voice", new byte[64], "audio/amr", "voice.amr").Id;
                xml = Message("voice", ("MediaId", voice), ("Format", input.Format ?? "amr"), ("Recognition", input.Recognition));
                chat.Add(persona.OpenId, ChatChannel.Sent, "voice", input.Recognition ?? "[语音]");
                break;
            case "video" or "shortvideo":
                var video = input.MediaId ?? media.Save("video", new byte[64], "video/mp4", "video.mp4").Id;
                var thumb = media.Save("thumb", TinyPng, "image/png", "thumb.png").Id;
                xml = Message(type, ("MediaId", video), ("ThumbMediaId", thumb));
                chat.Add(persona.OpenId, ChatChannel.Sent, type, "[视频]");
                break;
            case "location":
                var label = input.Label ?? "";
                xml = Message("location", ("Location_X", input.Latitude ?? 0), ("Location_Y", input.Longitude ?? 0),
                    ("Scale", input.Scale ?? 16), ("Label", label));
                chat.Add(persona.OpenId, ChatChannel.Sent, "location", $"📍 {label} ({input.Latitude}, {input.Longitude})");
                break;
            case "link":
                xml = Message("link", ("Title", input.Title ?? ""), ("Description", input.Description ?? ""), ("Url", Required(input.Url, "url")));
                chat.Add(persona.OpenId, ChatChannel.Sent, "link", input.Title, link: input.Url);
                break;
            case "subscribe":
                xml = input.Key is { Length: > 0 } scene
                    ? Event("subscribe", ("EventKey", "qrscene_" + scene), ("Ticket", Ids.Random("SIM_QR_TICKET_", 8)))
                    : Event("subscribe");
                personas.SetFollowing(persona, true, input.Key);
                chat.Add(persona.OpenId, ChatChannel.Sent, "event", input.Key is null ? "关注了公众号" : $"扫码关注了公众号（场景 {input.Key}）");
                break;
            case "unsubscribe":
                xml = Event("unsubscribe");
                personas.SetFollowing(persona, false, null);
                allowances.Close(persona.OpenId);
                chat.Add(persona.OpenId, ChatChannel.Sent, "event", "取消关注了公众号");
                break;
            case "scan":
                xml = Event("SCAN", ("EventKey", Required(input.Key, "key")), ("Ticket", Ids.Random("SIM_QR_TICKET_", 8)));
                chat.Add(persona.OpenId, ChatChannel.Sent, "event", $"扫描了二维码（场景 {input.Key}）");
                break;
            case "click":
                xml = Event("CLICK", ("EventKey", Required(input.Key, "key")));
                chat.Add(persona.OpenId, ChatChannel.Sent, "event", $"点击菜单 {input.Key}");
                break;
            case "view":
                xml = Event("VIEW", ("EventKey", Required(input.Url ?? input.Key, "url")), ("MenuId", "1"));
                chat.Add(persona.OpenId, ChatChannel.Sent, "event", $"打开链接 {input.Url ?? input.Key}");
                break;
            case "location_event":
                xml = Event("LOCATION", ("Latitude", input.Latitude ?? 0), ("Longitude", input.Longitude ?? 0), ("Precision", input.Precision ?? 65.0));
                break;
            case "raw":
                xml = Required(input.Xml, "xml");
                break;
            default:
                throw new ArgumentException($"Unknown type '{input.Type}'.");
        }

        // A user message opens 5 sends for 48 h; a follow, scan or click-menu tap 3 sends for 1 minute (§6.1).
        if (msgId is not null)
            allowances.UserSentMessage(persona.OpenId);
        else if (type is "subscribe" or "scan" or "click")
            allowances.UserInteracted(persona.OpenId);

        var report = await DeliverAsync(persona, xml, isEvent, ct);
        return report with { MsgId = msgId };
    }

    // The delivery report of a template message (§2.3); the user sees nothing of it.
    public Task<DeliveryReport> PushTemplateReportAsync(Persona persona, long msgId, string status, CancellationToken ct)
    {
        var xml = InboundXml.Build(options.Value.OriginalId, persona.OpenId, clock.GetUtcNow(), "event",
            ("Event", "TEMPLATESENDJOBFINISH"), ("MsgID", msgId), ("Status", status));
        return DeliverAsync(persona, xml, isEvent: true, ct, userSees: false);
    }

    async Task<DeliveryReport> DeliverAsync(Persona persona, string xml, bool isEvent, CancellationToken ct, bool userSees = true)
    {
        var result = await delivery.DeliverAsync(xml, persona.OpenId, ct);
        var verdict = result.ReplyBody is null
            ? new ReplyVerdict(ReplyOutcome.Notice, "no HTTP 200 answer in time, after all retries")
            : new ReplyReader(options.Value).Read(result.ReplyBody, result.WasEncrypted, persona.OpenId, isEvent);
        if (userSees && personas.FollowOf(persona).IsFollowing)
        {
            if (verdict.Outcome == ReplyOutcome.Shown)
                chat.Add(persona.OpenId, ChatChannel.Passive, verdict.Kind!, verdict.Text, cards: verdict.Cards);
            else if (verdict.Outcome == ReplyOutcome.Notice)
                chat.Add(persona.OpenId, ChatChannel.Notice, "notice", ServiceNotice);
        }
        return new DeliveryReport(xml, null, result.Attempts, verdict.Outcome, verdict.Detail, result.ReplyBody);
    }

    static string Required(string? value, string name) =>
        string.IsNullOrEmpty(value) ? throw new ArgumentException($"'{name}' is required for this type.") : value;
}
