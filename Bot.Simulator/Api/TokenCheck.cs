using Bot.Simulator.Platform;
using Microsoft.Extensions.Options;

namespace Bot.Simulator.Api;

public enum AppKind { OfficialAccount, MiniProgram }

// The access_token check every API does (§11): missing 41001, unknown 40001/40014, expired 42001, and 48001 for
// the other app's token. Null app accepts either app's token (media APIs).
public sealed class TokenCheck(AppKind? app) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptions<SimulatorOptions>>().Value;
        var tokens = http.RequestServices.GetRequiredService<TokenIssuer>();
        string? token = http.Request.Query["access_token"];
        var code = tokens.Check(token, app == AppKind.MiniProgram ? options.MiniProgramAppId : options.AppId);
        if (code == 48001 && app is null)
            code = tokens.Check(token, options.MiniProgramAppId);
        return code == 0 ? await next(context) : WeChatAnswer.Error(code);
    }
}
