using Bot.Simulator.Platform;

namespace Bot.Simulator.Api;

// Runs around every WeChat API call: applies planned faults first, then logs the call and its errcode.
public static class ApiPipeline
{
    public static IApplicationBuilder UseWeChatApiPipeline(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path.Value ?? "";
        if (!path.StartsWith("/cgi-bin/", StringComparison.Ordinal) && !path.StartsWith("/sns/", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }
        var services = context.RequestServices;
        var clock = services.GetRequiredService<SimClock>();
        var startedAt = clock.GetUtcNow();
        await AnswerAsync(context, next, services.GetRequiredService<FaultInjector>().Take(path));
        services.GetRequiredService<CallLog>().Add(new ApiCall(startedAt, context.Request.Method, path,
            context.Response.StatusCode, context.Items.TryGetValue(WeChatAnswer.ErrorCodeItem, out var code) ? (int?)code : null));
    });

    static async Task AnswerAsync(HttpContext context, RequestDelegate next, Fault? fault)
    {
        if (fault is null)
        {
            await next(context);
            return;
        }
        switch (fault.Kind)
        {
            case FaultKind.Slow:
                await Task.Delay(fault.DelayMs, context.RequestAborted);
                await next(context);
                break;
            case FaultKind.Http500:
                context.Response.StatusCode = 500;
                await context.Response.WriteAsync("<html><body>500 Internal Server Error</body></html>");
                break;
            default:
                var code = fault.Kind switch { FaultKind.Busy => -1, FaultKind.DailyLimit => 45009, _ => fault.ErrorCode };
                await WeChatAnswer.Error(code).ExecuteAsync(context);
                break;
        }
    }
}
