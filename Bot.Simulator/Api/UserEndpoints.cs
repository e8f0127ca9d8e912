using System.Text.Json.Nodes;
using Bot.Simulator.Platform;
using Microsoft.Extensions.Options;

namespace Bot.Simulator.Api;

public static class UserEndpoints
{
    public static void MapUserApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/cgi-bin/user/info", Info).AddEndpointFilter(new TokenCheck(AppKind.OfficialAccount));

    // §7.4: since 2021 no nickname or avatar; unionid only when the apps are bound; subscribe 0 says little
    // else.
    static WeChatAnswer Info(string? openid, PersonaDirectory personas, IOptions<SimulatorOptions> options)
    {
        if (personas.ByOpenId(openid) is not { } persona)
            return WeChatAnswer.Error(40003);
        var follow = personas.FollowOf(persona);
        if (!follow.IsFollowing)
            return WeChatAnswer.Ok(new JsonObject { ["subscribe"] = 0, ["openid"] = persona.OpenId });
        var user = new JsonObject
        {
            ["subscribe"] = 1, ["openid"] = persona.OpenId, ["language"] = "zh_CN",
            ["subscribe_time"] = follow.Since.ToUnixTimeSeconds(),
            ["subscribe_scene"] = follow.Scene is null ? "ADD_SCENE_SEARCH" : "ADD_SCENE_QR_CODE",
            ["qr_scene"] = 0, ["qr_scene_str"] = follow.Scene ?? "", ["remark"] = "", ["groupid"] = 0, ["tagid_list"] = new JsonArray(),
        };
        if (options.Value.UnionIdBound && persona.UnionId.Length > 0)
            user["unionid"] = persona.UnionId;
        return WeChatAnswer.Ok(user);
    }
}
