using Bot.Demands;
using Bot.Domain.Demands;
using Bot.Domain.People;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bot.MiniProgram;

public sealed record ReportRequest(string? Text, IReadOnlyList<string>? PhotoIds, LocationView? Location);
public sealed record RatingRequest(string? Value, string? Comment);

// What a villager does in the mini-program: the same services as in chat (DemandReporting, DemandWork).
// Anyone signed in may report; staff see their own reports here too, as the villagers they also are.
public static class VillagerEndpoints
{
    public static void MapVillagerDemands(this RouteGroupBuilder mp)
    {
        var demands = mp.MapGroup("/demands").WithTags("Mini-program: villagers").RequireAuthorization(MiniProgramSetup.Users)
            .AddEndpointFilter(Problems.RefusalsAsProblems).ProducesProblem(401).ProducesProblem(409);
        demands.MapPost("", Report).WithMetadata(Throttle.Report).ProducesProblem(429).WithSummary("Report a demand");
        demands.MapGet("", Mine).WithSummary("My demands, newest first");
        demands.MapGet("/{id:long}", One).WithSummary("One of my demands with its timeline");
        demands.MapPost("/{id:long}/withdraw", Withdraw);
        demands.MapPost("/{id:long}/rating", Rate).WithSummary("Rate a resolved demand: satisfied, basicallySatisfied or notSatisfied");
    }

    static async Task<Results<Created<ReportView>, ValidationProblem>> Report(ReportRequest request, CurrentUser user, PeopleStore people,
        MediaStore media, DemandReporting reporting, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var text = errors.Text("text", request.Text);
        var photos = errors.Photos("photoIds", request.PhotoIds);
        var location = errors.Location("location", request.Location);
        if (!errors.Any && await media.UnusableAsync(user.PersonId, photos, ct) is { Count: > 0 } unusable)
            errors.Add("photoIds", $"Not an unused upload of yours: {string.Join(", ", unusable)}.");
        if (errors.Any)
            return errors.Problem();
        var villager = (await people.FindAsync(user.PersonId, ct))!;
        var reported = await reporting.ReportAsync(villager, text, location, ct,
            (write, demand) => media.AttachAsync(write, demand.Id, user.PersonId, photos, "photo"));
        return TypedResults.Created($"/api/mp/demands/{reported.Demand.Id}",
            new ReportView(DemandView.Of(reported.Demand, clock.GetUtcNow()), reported.Handler?.Name, reported.Acknowledgement));
    }

    static async Task<Results<Ok<Paged<DemandView>>, ValidationProblem>> Mine(int? page, int? pageSize, CurrentUser user,
        DemandStore store, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (skip, take, p, size) = errors.Paging(page, pageSize);
        if (errors.Any)
            return errors.Problem();
        var mine = await store.ListAsync("villager_id = @id ORDER BY created_at DESC, id DESC LIMIT @take OFFSET @skip",
            new { id = user.PersonId, take, skip }, ct);
        return TypedResults.Ok(new Paged<DemandView>(mine.Select(d => DemandView.Of(d, clock.GetUtcNow())).ToList(), p, size));
    }

    static async Task<Results<Ok<DemandDetail>, ProblemHttpResult>> One(long id, CurrentUser user, DemandStore store, TimeProvider clock,
        CancellationToken ct)
    {
        if (await MineAsync(id, user, store, ct) is not { } demand)
            return Problems.NotFound();
        var timeline = (await store.TimelineAsync(id, ct)).Where(e => e.ShowsToVillager)
            .Select(e => new TimelineEntry(e.Kind, e.Status, e.Level, e.Actor.Role, e.NoteForVillager, e.At)).ToList();
        var photos = (await store.PhotosAsync(id, ct)).Select(p => new PhotoView(p.Id, p.Purpose, p.AddedAt)).ToList();
        return TypedResults.Ok(new DemandDetail(DemandView.Of(demand, clock.GetUtcNow()), timeline, photos));
    }

    static async Task<Results<Ok<DemandView>, ProblemHttpResult>> Withdraw(long id, CurrentUser user, DemandStore store, DemandWork work,
        TimeProvider clock, CancellationToken ct) =>
        await MineAsync(id, user, store, ct) is { } demand
            ? TypedResults.Ok(DemandView.Of(await work.WithdrawAsync(demand, user.AsVillager, ct), clock.GetUtcNow()))
            : Problems.NotFound();

    static async Task<Results<Ok<DemandView>, ValidationProblem, ProblemHttpResult>> Rate(long id, RatingRequest request, CurrentUser user,
        DemandStore store, DemandWork work, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var value = errors.Code<RatingValue>("value", request.Value, FieldErrors.Named, "satisfied, basicallySatisfied, notSatisfied");
        if (value is null && !errors.Any)
            errors.Add("value", "Required: satisfied, basicallySatisfied or notSatisfied.");
        var comment = errors.OptionalText("comment", request.Comment, 500);
        if (errors.Any)
            return errors.Problem();
        if (await MineAsync(id, user, store, ct) is not { } demand)
            return Problems.NotFound();
        return TypedResults.Ok(DemandView.Of(await work.RateAsync(demand, user.AsVillager, value!.Value, comment, ct), clock.GetUtcNow()));
    }

    static async Task<Demand?> MineAsync(long id, CurrentUser user, DemandStore store, CancellationToken ct) =>
        await store.FindAsync(id, ct) is { } demand && demand.VillagerId == user.PersonId ? demand : null;
}
