using Bot.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Admin;

// The operator's read-only view of the scheduler and the outbox (docs/jobs.md "Operator view").
public static class JobsEndpoints
{
    public static void MapJobs(this RouteGroupBuilder admin)
    {
        admin.MapGet("/jobs", Read)
            .WithSummary("Scheduled triggers, recent runs and unsent outbox rows; ?demand= narrows to one demand");
    }

    // The page holds no data: it asks for the admin key and calls the endpoint above with it.
    public static void MapJobsPage(this IEndpointRouteBuilder app) =>
        app.MapGet("/admin/jobs", () => TypedResults.Content(JobsPage.Html, "text/html; charset=utf-8")).ExcludeFromDescription();

    static async Task<Ok<JobsReport>> Read(long? demand, JobsView view, CancellationToken ct) =>
        TypedResults.Ok(await view.ReadAsync(demand, ct));
}
