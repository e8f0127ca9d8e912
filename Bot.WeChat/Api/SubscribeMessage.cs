using System.Text.Json.Nodes;

namespace Bot.WeChat.Api;

// A Mini Program subscribe message (§7.3); each send spends one credit the user granted on a tap.
public sealed record SubscribeMessage(
    string ToUser, string TemplateId, IReadOnlyDictionary<string, string> Data,
    string? Page = null, string? MiniProgramState = null, string? Lang = null)
{
    internal JsonObject ToJson()
    {
        var json = new JsonObject { ["touser"] = ToUser, ["template_id"] = TemplateId };
        if (Page is not null)
            json["page"] = Page;
        if (MiniProgramState is not null)
            json["miniprogram_state"] = MiniProgramState;
        if (Lang is not null)
            json["lang"] = Lang;
        json["data"] = TemplateMessage.DataJson(Data);
        return json;
    }
}
