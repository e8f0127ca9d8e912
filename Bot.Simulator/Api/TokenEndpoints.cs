using Bot.Simulator.Platform;
using Microsoft.Extensions.Options;
using System.Text.Json.Nodes;

namespace Bot.Simulator.Api;

public static class TokenEndpoints
{
    public static void MapTokenApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/cgi-bin/token", Token);
        app.MapPost("/cgi-bin/stable_token", StableToken);
    }

    static WeChatAnswer Token(string? grant_type, string? appid, string? secret, TokenIssuer tokens, IOptions<SimulatorOptions> options) =>
        Credentials(grant_type, appid, secret, options.Value) ?? Answer(tokens.IssueClassic(appid!));

    static async Task<WeChatAnswer> StableToken(HttpRequest request, TokenIssuer tokens, IOptions<SimulatorOptions> options, CancellationToken ct)
    {
        var (body, error) = await ApiRequests.ReadJsonAsync(request, ct);
        if (body is null)
            return error!;
        var appId = body.String("appid");
        var force = body["force_refresh"] is JsonValue f && f.TryGetValue<bool>(out var forced) && forced;
        return Credentials(body.String("grant_type"), appId, body.String("secret"), options.Value)
            ?? Answer(tokens.IssueStable(appId!, force));
    }

    static WeChatAnswer? Credentials(string? grantType, string? appId, string? secret, SimulatorOptions o)
    {
        if (grantType != "client_credential")
            return WeChatAnswer.Error(40002);
        var expected = appId == o.AppId ? o.AppSecret : appId == o.MiniProgramAppId ? o.MiniProgramSecret : null;
        if (expected is null)
            return WeChatAnswer.Error(40013);
        return secret == expected ? null : WeChatAnswer.Error(40125);
    }

    static WeChatAnswer Answer(TokenGrant grant) => grant.ErrorCode != 0
        ? WeChatAnswer.Error(grant.ErrorCode)
        : WeChatAnswer.Ok(new JsonObject { ["access_token"] = grant.Token, ["expires_in"] = grant.ExpiresInSeconds });
}
