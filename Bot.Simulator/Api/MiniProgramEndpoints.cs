using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Bot.Simulator.Platform;
using Microsoft.Extensions.Options;

namespace Bot.Simulator.Api;

public static class MiniProgramEndpoints
{
    public static void MapMiniProgramApi(this IEndpointRouteBuilder app) => app.MapGet("/sns/jscode2session", CodeToSession);

    static WeChatAnswer CodeToSession(string? appid, string? secret, string? js_code, string? grant_type,
        LoginCodes codes, IOptions<SimulatorOptions> options)
    {
        var o = options.Value;
        if (appid != o.MiniProgramAppId)
            return WeChatAnswer.Error(40013);
        if (secret != o.MiniProgramSecret)
            return WeChatAnswer.Error(40125);
        if (grant_type != "authorization_code")
            return WeChatAnswer.Error(40002);
        var (code, persona) = codes.Redeem(js_code);
        if (persona is null)
            return WeChatAnswer.Error(code);
        var session = new JsonObject
        {
            ["openid"] = persona.MiniProgramOpenId,
            ["session_key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)),
        };
        if (o.UnionIdBound && persona.UnionId.Length > 0)
            session["unionid"] = persona.UnionId;
        return WeChatAnswer.Ok(session);
    }
}
