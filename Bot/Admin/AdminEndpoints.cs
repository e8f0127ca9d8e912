using System.Security.Cryptography;
using System.Text;
using Bot.Domain.Demands;
using Bot.Ledger;
using Bot.MiniProgram;
using Bot.Outbox;
using Bot.Roster;
using Microsoft.Extensions.Options;

namespace Bot.Admin;

public static class AdminEndpoints
{
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    public static void MapAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").WithTags("Admin").AddEndpointFilter(RequireAdmin);
        admin.MapRoster();
        admin.MapOutbox();
        admin.MapLedger();
        admin.MapGet("/time-limits", (TimeLimitOptions limits) => TypedResults.Ok(limits))
            .WithSummary("Time limits per colour and level (configuration: TimeLimits)");
        admin.MapJobs();
        admin.MapClassifier();
        app.MapJobsPage();
    }

    // Admin tools send the configured key; people sign in through the mini-program and must be
    // on the roster as district officer or administrator.
    static async ValueTask<object?> RequireAdmin(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var expected = http.RequestServices.GetRequiredService<IOptions<AdminOptions>>().Value.ApiKey;
        var header = http.Request.Headers.Authorization.ToString();
        var given = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : "";
        if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected))
            || CurrentUser.From(http.User)?.Role is ActorRole.DistrictOfficer or ActorRole.Admin)
            return await next(context);
        return CurrentUser.From(http.User) is null
            ? TypedResults.Problem(statusCode: 401, title: "An admin key is needed.",
                detail: "Send the configured Admin:ApiKey as 'Authorization: Bearer <key>', or sign in as a district officer or administrator.")
            : TypedResults.Problem(statusCode: 403, title: "Only the district office and administrators may use this.");
    }
}
