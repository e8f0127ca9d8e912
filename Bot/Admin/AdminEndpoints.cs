using System.Security.Cryptography;
using System.Text;
using Bot.Outbox;
using Bot.Roster;
using Microsoft.Extensions.Options;

namespace Bot.Admin;

public static class AdminEndpoints
{
    public static void MapAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").WithTags("Admin").AddEndpointFilter(RequireAdminKey);
        admin.MapRoster();
        admin.MapOutbox();
    }

    static async ValueTask<object?> RequireAdminKey(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = context.HttpContext.RequestServices.GetRequiredService<IOptions<AdminOptions>>().Value.ApiKey;
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        var given = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : "";
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
            return TypedResults.Problem(statusCode: 401, title: "An admin key is needed.",
                detail: "Send the configured Admin:ApiKey as 'Authorization: Bearer <key>'.");
        return await next(context);
    }
}
