using System.Text.Json.Nodes;

namespace Bot.WeChat.Api;

public sealed record MiniProgramLink(string AppId, string PagePath);

// A template message (§6.2), verified service accounts only. Data maps a template key (e.g. "thing1") to its
// value; ClientMsgId guards against duplicate sends — derive it from the outbox id.
public sealed record TemplateMessage(
    string ToUser, string TemplateId, IReadOnlyDictionary<string, string> Data,
    string? Url = null, MiniProgramLink? MiniProgram = null, string? ClientMsgId = null)
{
    internal JsonObject ToJson()
    {
        var json = new JsonObject { ["touser"] = ToUser, ["template_id"] = TemplateId };
        if (Url is not null)
            json["url"] = Url;
        if (MiniProgram is not null)
            json["miniprogram"] = new JsonObject { ["appid"] = MiniProgram.AppId, ["pagepath"] = MiniProgram.PagePath };
        if (ClientMsgId is not null)
            json["client_msg_id"] = ClientMsgId;
        json["data"] = DataJson(Data);
        return json;
    }

    internal static JsonObject DataJson(IReadOnlyDictionary<string, string> data)
    {
        var json = new JsonObject();
        foreach (var (key, value) in data)
            json[key] = new JsonObject { ["value"] = value };
        return json;
    }
}
