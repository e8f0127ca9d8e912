using Bot.Demands;
using Bot.Ledger;
using Bot.MiniProgram;
using Bot.Domain.Demands;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Public;

// Anyone may read these: no names beyond a family name, no phone numbers, no openids.
public static class PublicEndpoints
{
    public static void MapPublic(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/public").WithTags("Public").AllowAnonymous();
        open.MapGet("/echo-wall", EchoWall).WithSummary("A village's resolved demands, newest first (village = its code)");
        open.MapGet("/stats", Stats).WithSummary("Collected, settled and the three rates for a place and period");
    }

    static async Task<Results<Ok<EchoWall>, ValidationProblem, ProblemHttpResult>> EchoWall(string? village, int? page, int? pageSize,
        EchoWallStore wall, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var code = errors.Text("village", village, 40);
        var (skip, take, _, _) = errors.Paging(page, pageSize);
        if (errors.Any)
            return errors.Problem();
        return await wall.PageAsync(code, skip, take, ct) is { } found
            ? TypedResults.Ok(found)
            : TypedResults.Problem(statusCode: 404, title: "No village has this code.", detail: "The code is the one in the village's QR code.");
    }

    static async Task<Results<Ok<Stats>, ValidationProblem>> Stats(string? village, string? town, string? district, DateOnly? from,
        DateOnly? to, StatsStore stats, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (new[] { village, town, district }.Count(p => !string.IsNullOrWhiteSpace(p)) > 1)
            errors.Add("village", "Name one place: village, town or district.");
        // Default period: the current calendar year so far, in Beijing time.
        var today = DemandCode.LocalDay(clock.GetUtcNow());
        var (first, last) = (from ?? new DateOnly(today.Year, 1, 1), to ?? today);
        if (first > last)
            errors.Add("to", "Not before 'from'.");
        if (errors.Any)
            return errors.Problem();
        return TypedResults.Ok(await stats.ForAsync(Blank(village), Blank(town), Blank(district),
            LedgerFilter.DayStart(first), LedgerFilter.DayStart(last.AddDays(1)), ct));
    }

    static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
