using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Bot.MiniProgram;

// Endpoint metadata naming the limits a call counts against: logins per IP, reports per user and per IP.
public sealed record Throttle(string Kind)
{
    public static readonly Throttle Login = new("login");
    public static readonly Throttle Report = new("report");
}

// ASP.NET Core's rate limiter, partitioned by what the endpoint's Throttle names; limits from MiniProgramOptions.
public static class Throttling
{
    public static IServiceCollection AddThrottles(this IServiceCollection services) => services.AddRateLimiter(limiter =>
    {
        // Chained: a report must pass both the user's limit and the address's.
        limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, perUser: true)),
            PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, perUser: false)));
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = async (rejected, ct) =>
        {
            var http = rejected.HttpContext;
            var kind = http.GetEndpoint()?.Metadata.GetMetadata<Throttle>()?.Kind;
            var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry)
                ? (int)Math.Ceiling(retry.TotalSeconds)
                : (int)Math.Ceiling(Limit(http, kind, perUser: false)?.Window.TotalSeconds ?? 60);
            http.Response.Headers.RetryAfter = Math.Max(seconds, 1).ToString(CultureInfo.InvariantCulture);
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = 429, Title = kind == "login" ? "Too many logins from this address." : "Too many reports just now.",
                    Detail = $"Try again in {Math.Max(seconds, 1)} seconds." },
            });
        };
    });

    static RateLimitPartition<string> Partition(HttpContext http, bool perUser)
    {
        var kind = http.GetEndpoint()?.Metadata.GetMetadata<Throttle>()?.Kind;
        if (Limit(http, kind, perUser) is not { } limit)
            return RateLimitPartition.GetNoLimiter("none");
        var who = perUser ? $"user:{CurrentUser.From(http.User)?.PersonId}" : $"ip:{http.Connection.RemoteIpAddress}";
        return RateLimitPartition.GetFixedWindowLimiter($"{kind}:{who}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.Permits, Window = limit.Window, QueueLimit = 0, AutoReplenishment = true,
        });
    }

    // Before login nobody is known, so logins are limited per address only.
    static RateLimit? Limit(HttpContext http, string? kind, bool perUser)
    {
        var o = http.RequestServices.GetRequiredService<IOptions<MiniProgramOptions>>().Value;
        return (kind, perUser) switch
        {
            ("login", false) => o.LoginPerIp,
            ("report", true) => o.ReportPerUser,
            ("report", false) => o.ReportPerIp,
            _ => null,
        };
    }
}
