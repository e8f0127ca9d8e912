using System.Text;
using System.Text.Json.Nodes;
using Bot.Simulator.Chat;
using Bot.Simulator.Delivery;
using Bot.Simulator.Platform;
using Microsoft.Extensions.Options;

namespace Bot.Simulator.Api;

// The three ways the bot pushes to a user: customer-service (§6.1), template (§6.2), subscribe (§7.3).
public static class MessageEndpoints
{
    public static void MapMessageApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/cgi-bin/message/custom/send", Custom).AddEndpointFilter(new TokenCheck(AppKind.OfficialAccount));
        app.MapPost("/cgi-bin/message/template/send", Template).AddEndpointFilter(new TokenCheck(AppKind.OfficialAccount));
        app.MapPost("/cgi-bin/message/subscribe/send", Subscribe).AddEndpointFilter(new TokenCheck(AppKind.MiniProgram));
    }

    static async Task<WeChatAnswer> Custom(HttpRequest request, PersonaDirectory personas, CustomAllowances allowances,
        MediaStore media, ChatLog chat, CancellationToken ct)
    {
        var (body, error) = await ApiRequests.ReadJsonAsync(request, ct);
        if (body is null)
            return error!;
        if (personas.ByOpenId(body.String("touser")) is not { } persona)
            return WeChatAnswer.Error(40003);
        var msgType = body.String("msgtype");
        var content = msgType is null ? null : body[msgType] as JsonObject;
        if (content is null)
            return WeChatAnswer.Error(40008);

        string? text = null;
        string? title = null;
        List<ChatCard>? cards = null;
        switch (msgType)
        {
            case "text":
                text = content.String("content") ?? "";
                if (Encoding.UTF8.GetByteCount(text) > 2048)
                    return WeChatAnswer.Error(45002);
                break;
            case "news":
                var articles = content["articles"] as JsonArray ?? [];
                if (articles.Count != 1)
                    return WeChatAnswer.Error(45008);
                cards = articles.OfType<JsonObject>().Select(a =>
                    new ChatCard(a.String("title") ?? "", a.String("description"), a.String("url"), a.String("picurl"))).ToList();
                break;
            case "miniprogrampage":
                title = content.String("title");
                cards = [new ChatCard(title ?? "", content.String("pagepath"), null, null)];
                text = content.String("appid");
                break;
            case "image" or "voice" or "video":
                if (media.Find(content.String("media_id")) is null)
                    return WeChatAnswer.Error(40007);
                text = content.String("media_id");
                break;
            default:
                text = $"[{msgType}]";
                break;
        }

        // The platform checks the window only once the message itself is valid.
        var allowance = personas.FollowOf(persona).IsFollowing ? allowances.TrySpend(persona.OpenId) : 45015;
        if (allowance != 0)
            return WeChatAnswer.Error(allowance);
        chat.Add(persona.OpenId, ChatChannel.Custom, msgType!, text, title, cards,
            link: msgType == "image" ? $"/sim/media/{content.String("media_id")}" : null);
        return WeChatAnswer.OkWithCode();
    }

    static async Task<WeChatAnswer> Template(HttpRequest request, PersonaDirectory personas, IOptions<SimulatorOptions> options,
        Ids ids, ChatLog chat, PersonaActions actions, IHostApplicationLifetime lifetime, CancellationToken ct)
    {
        var (body, error) = await ApiRequests.ReadJsonAsync(request, ct);
        if (body is null)
            return error!;
        var o = options.Value;
        if (personas.ByOpenId(body.String("touser")) is not { } persona)
            return WeChatAnswer.Error(40003);
        if (body.String("template_id") is not { } templateId || !o.Templates.TryGetValue(templateId, out var templateTitle))
            return WeChatAnswer.Error(40037);
        if (!personas.FollowOf(persona).IsFollowing)
            return WeChatAnswer.Error(43004);
        var data = body.Data();
        if (TemplateDataRules.FirstInvalidKey(data.ToDictionary()) is { } invalid)
            return WeChatAnswer.Error(47003, $"argument invalid! data.{invalid}.value invalid");

        var msgId = ids.NextTemplateMsgId();
        var status = o.TemplateReportStatus;
        if (status == "success")
        {
            // Since May 2023 first/remark are no longer shown (§6.2).
            var shown = data.Where(d => d.Key is not ("first" or "remark")).ToList();
            var link = (body["miniprogram"] as JsonObject)?.String("pagepath") ?? body.String("url");
            chat.Add(persona.OpenId, ChatChannel.Template, "template", title: templateTitle, fields: shown, link: link);
        }
        _ = PushReportLaterAsync(actions, persona, msgId, status, o.TemplateReportDelay, lifetime.ApplicationStopping);
        return WeChatAnswer.OkWithCode(new JsonObject { ["msgid"] = msgId });
    }

    static async Task<WeChatAnswer> Subscribe(HttpRequest request, PersonaDirectory personas, IOptions<SimulatorOptions> options,
        SubscribeCredits credits, ChatLog chat, CancellationToken ct)
    {
        var (body, error) = await ApiRequests.ReadJsonAsync(request, ct);
        if (body is null)
            return error!;
        if (personas.ByMiniProgramOpenId(body.String("touser")) is not { } persona)
            return WeChatAnswer.Error(40003);
        if (body.String("template_id") is not { } templateId || !options.Value.SubscribeTemplates.TryGetValue(templateId, out var title))
            return WeChatAnswer.Error(40037);
        var data = body.Data();
        if (TemplateDataRules.FirstInvalidKey(data.ToDictionary()) is { } invalid)
            return WeChatAnswer.Error(47003, $"argument invalid! data.{invalid}.value invalid");
        if (!credits.TrySpend(persona.MiniProgramOpenId, templateId))
            return WeChatAnswer.Error(43101);
        chat.Add(persona.OpenId, ChatChannel.Subscribe, "subscribe", title: title, fields: data, link: body.String("page"));
        return WeChatAnswer.OkWithCode();
    }

    static async Task PushReportLaterAsync(PersonaActions actions, Persona persona, long msgId, string status, TimeSpan delay,
        CancellationToken stopping)
    {
        try
        {
            await Task.Delay(delay, stopping);
            await actions.PushTemplateReportAsync(persona, msgId, status, stopping);
        }
        catch (OperationCanceledException)
        {
            // The simulator is stopping; an undelivered report is what a real outage looks like too.
        }
    }
}
