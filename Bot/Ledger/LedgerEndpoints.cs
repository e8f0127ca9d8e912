using Bot.Domain.Demands;
using Bot.MiniProgram;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Ledger;

// GET /api/admin/ledger: every demand, filtered and paged, or the whole selection as CSV.
public static class LedgerEndpoints
{
    // An export is one file; past this many rows narrow the filter (a district's year is far below it).
    const int MaxExportRows = 100_000;

    public static void MapLedger(this RouteGroupBuilder admin) =>
        admin.MapGet("/ledger", Ledger).WithSummary("The public sentiment account; ?format=csv for Excel");

    static async Task<Results<Ok<Paged<LedgerRow>>, FileContentHttpResult, ValidationProblem>> Ledger(
        string? village, string? town, string? district, string? status, string? colour, string? category, long? handler,
        DateOnly? from, DateOnly? to, int? page, int? pageSize, string? format, LedgerStore ledger, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var filter = Filter(errors, status, colour, category, from, to) with { Village = village, Town = town, District = district, HandlerId = handler };
        var (skip, take, p, size) = errors.Paging(page, pageSize, 50);
        if (format is not (null or "json" or "csv"))
            errors.Add("format", "json or csv.");
        if (errors.Any)
            return errors.Problem();
        if (format == "csv")
        {
            var (all, _) = await ledger.QueryAsync(filter, null, null, 0, MaxExportRows, ct);
            return TypedResults.File(LedgerCsv.Write(all), "text/csv; charset=utf-8", $"ledger-{DemandCode.LocalDay(clock.GetUtcNow()):yyyyMMdd}.csv");
        }
        var (rows, total) = await ledger.QueryAsync(filter, null, null, skip, take, ct);
        return TypedResults.Ok(new Paged<LedgerRow>(rows, p, size, total));
    }

    // The filters every ledger view shares (the admin's, a secretary's village).
    public static LedgerFilter Filter(FieldErrors errors, string? status, string? colour, string? category, DateOnly? from, DateOnly? to)
    {
        if (from > to)
            errors.Add("to", "Not before 'from'.");
        return new LedgerFilter(
            Status: errors.Code<DemandStatus>("status", status, FieldErrors.Named, string.Join(", ", Enum.GetNames<DemandStatus>())),
            Colour: errors.Code<Colour>("colour", colour, ColourCodes.TryParse, "green, blue, orange"),
            Category: errors.Code<Category>("category", category, CategoryCodes.TryParse, string.Join(", ", Enum.GetValues<Category>().Select(c => c.Code()))),
            From: from is { } f ? LedgerFilter.DayStart(f) : null,
            To: to is { } t ? LedgerFilter.DayStart(t.AddDays(1)) : null);
    }
}
