using Bot.Domain.Roster;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Roster;

public static class RosterEndpoints
{
    const long MaxRosterBytes = 20 * 1024 * 1024;

    public static void MapRoster(this RouteGroupBuilder admin)
    {
        admin.MapPost("/roster", Import).DisableAntiforgery()
            .WithSummary("Import places.csv / people.csv (multipart, one or more files, or one CSV as the body)");
    }

    static async Task<Results<Ok<RosterImportResult>, ProblemHttpResult, ValidationProblem>> Import(
        HttpRequest request, RosterImporter importer, CancellationToken ct)
    {
        if (request.ContentLength > MaxRosterBytes)
            return TypedResults.Problem(statusCode: 413, title: "The roster file is too large (20 MB at most).");
        var files = new List<(string, byte[])>();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            foreach (var file in form.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                files.Add((file.FileName, buffer.ToArray()));
            }
        }
        else
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            files.Add(("roster.csv", buffer.ToArray()));
        }
        if (files.Count == 0 || files.All(f => f.Item2.Length == 0))
            return TypedResults.Problem(statusCode: 400, title: "No CSV was sent.");
        try
        {
            return TypedResults.Ok(await importer.ImportAsync(files, ct));
        }
        catch (RosterRejected e)
        {
            var errors = e.Problems.GroupBy(p => $"{p.File}:{p.Line}").ToDictionary(g => g.Key, g => g.Select(p => p.Reason).ToArray());
            return TypedResults.ValidationProblem(errors, title: "The roster was rejected whole; nothing was changed.");
        }
    }
}
