using Bot.Demands;
using Bot.Domain.Demands;
using Bot.Domain.People;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bot.MiniProgram;

public sealed record NoteRequest(string? Text, IReadOnlyList<string>? PhotoIds);
public sealed record HandOverRequest(string? ToPhone, string? Note);

// A party member's (and any officer's) tasks: the same DemandWork moves as the chat commands.
// A demand that exists but lies outside what the person may see is 403; the state machine then
// decides whether the move is allowed (403 not permitted, 409 not now).
public static class TaskEndpoints
{
    public static void MapTasks(this RouteGroupBuilder mp)
    {
        var tasks = mp.MapGroup("/tasks").WithTags("Mini-program: party members").RequireAuthorization(MiniProgramSetup.Staff)
            .AddEndpointFilter(Problems.RefusalsAsProblems).ProducesProblem(401).ProducesProblem(403).ProducesProblem(409);
        tasks.MapGet("", Mine).WithSummary("My open tasks; sort=deadline (default, most urgent first) or newest");
        tasks.MapGet("/{id:long}", One);
        tasks.MapPost("/{id:long}/accept", Accept);
        tasks.MapPost("/{id:long}/progress", Progress).WithSummary("Report progress (text, up to 9 uploaded photos)");
        tasks.MapPost("/{id:long}/resolve", Resolve).WithSummary("Resolve (what was done, up to 9 proof photos)");
        tasks.MapPost("/{id:long}/escalate", Escalate).WithSummary("Hand up one level (text = the reason)");
        tasks.MapPost("/{id:long}/transfer", Transfer).WithSummary("Hand to another member or officer, by phone");
    }

    static async Task<Results<Ok<Paged<DemandView>>, ValidationProblem>> Mine(string? sort, int? page, int? pageSize, CurrentUser user,
        DemandStore store, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (skip, take, p, size) = errors.Paging(page, pageSize);
        if (sort is not (null or "deadline" or "newest"))
            errors.Add("sort", "deadline or newest.");
        if (errors.Any)
            return errors.Problem();
        var tasks = await store.TasksAsync(user.PersonId, skip, take, newestFirst: sort == "newest", ct);
        return TypedResults.Ok(new Paged<DemandView>(tasks.Select(d => DemandView.Of(d, clock.GetUtcNow())).ToList(), p, size));
    }

    static async Task<Results<Ok<DemandDetail>, ProblemHttpResult>> One(long id, CurrentUser user, DemandStore store, TimeProvider clock,
        CancellationToken ct)
    {
        var (demand, refusal) = await VisibleAsync(id, user, store, ct);
        if (demand is null)
            return refusal!;
        var timeline = (await store.TimelineAsync(id, ct)).Select(e => new TimelineEntry(e.Kind, e.Status, e.Level, e.Actor.Role, e.Note, e.At)).ToList();
        var photos = (await store.PhotosAsync(id, ct)).Select(p => new PhotoView(p.Id, p.Purpose, p.AddedAt)).ToList();
        return TypedResults.Ok(new DemandDetail(DemandView.Of(demand, clock.GetUtcNow()), timeline, photos));
    }

    static async Task<Results<Ok<DemandView>, ProblemHttpResult>> Accept(long id, CurrentUser user, DemandStore store, DemandWork work,
        TimeProvider clock, CancellationToken ct)
    {
        var (demand, refusal) = await VisibleAsync(id, user, store, ct);
        return demand is null ? refusal! : TypedResults.Ok(DemandView.Of(await work.AcceptAsync(demand, user.Actor, ct), clock.GetUtcNow()));
    }

    static Task<Results<Ok<DemandView>, ValidationProblem, ProblemHttpResult>> Progress(long id, NoteRequest request, CurrentUser user,
        DemandStore store, DemandWork work, MediaStore media, TimeProvider clock, CancellationToken ct) =>
        NoteAsync(id, request, user, store, media, clock, ct, (demand, text, attach) => work.ProgressAsync(demand, user.Actor, text, ct, attach), "progress");

    static Task<Results<Ok<DemandView>, ValidationProblem, ProblemHttpResult>> Resolve(long id, NoteRequest request, CurrentUser user,
        DemandStore store, DemandWork work, MediaStore media, TimeProvider clock, CancellationToken ct) =>
        NoteAsync(id, request, user, store, media, clock, ct, (demand, text, attach) => work.ResolveAsync(demand, user.Actor, text, ct, attach), "proof");

    static Task<Results<Ok<DemandView>, ValidationProblem, ProblemHttpResult>> Escalate(long id, NoteRequest request, CurrentUser user,
        DemandStore store, DemandWork work, MediaStore media, TimeProvider clock, CancellationToken ct) =>
        NoteAsync(id, request with { PhotoIds = null }, user, store, media, clock, ct,
            (demand, text, _) => work.EscalateAsync(demand, user.Actor, text, ct), "");

    static async Task<Results<Ok<DemandView>, ValidationProblem, ProblemHttpResult>> Transfer(long id, HandOverRequest request,
        CurrentUser user, DemandStore store, PeopleStore people, DemandWork work, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var to = await StaffByPhoneAsync(errors, request.ToPhone, people, ct);
        var note = errors.OptionalText("note", request.Note, FieldErrors.MaxText);
        if (errors.Any)
            return errors.Problem();
        var (demand, refusal) = await VisibleAsync(id, user, store, ct);
        return demand is null ? refusal! : TypedResults.Ok(DemandView.Of(await work.TransferAsync(demand, user.Actor, to!.Id, note, ct), clock.GetUtcNow()));
    }

    // Text, photos (checked before anything moves), then the step and its photos in one transaction.
    static async Task<Results<Ok<DemandView>, ValidationProblem, ProblemHttpResult>> NoteAsync(long id, NoteRequest request, CurrentUser user,
        DemandStore store, MediaStore media, TimeProvider clock, CancellationToken ct,
        Func<Demand, string, Func<DemandWriter, Task>, Task<Demand>> step, string purpose)
    {
        var errors = new FieldErrors();
        var text = errors.Text("text", request.Text);
        var photos = errors.Photos("photoIds", request.PhotoIds);
        if (!errors.Any && await media.UnusableAsync(user.PersonId, photos, ct) is { Count: > 0 } unusable)
            errors.Add("photoIds", $"Not an unused upload of yours: {string.Join(", ", unusable)}.");
        if (errors.Any)
            return errors.Problem();
        var (demand, refusal) = await VisibleAsync(id, user, store, ct);
        if (demand is null)
            return refusal!;
        var done = await step(demand, text, write => media.AttachAsync(write, demand.Id, user.PersonId, photos, purpose));
        return TypedResults.Ok(DemandView.Of(done, clock.GetUtcNow()));
    }

    // The same lookup the chat's 转交/指派 use: someone on the roster above villager.
    internal static async Task<Person?> StaffByPhoneAsync(FieldErrors errors, string? phone, PeopleStore people, CancellationToken ct)
    {
        var typed = errors.Text("toPhone", phone, 20);
        if (errors.Any)
            return null;
        if (await people.FindStaffByPhoneAsync(typed, ct) is { } staff)
            return staff;
        errors.Add("toPhone", "No party member or officer on the roster has this phone.");
        return null;
    }

    internal static async Task<(Demand?, ProblemHttpResult?)> VisibleAsync(long id, CurrentUser user, DemandStore store, CancellationToken ct)
    {
        if (await store.FindAsync(id, ct) is not { } demand)
            return (null, Problems.NotFound());
        return await store.IsVisibleAsync(id, user.PersonId, user.Role, ct) ? (demand, null) : (null, Problems.OutsideYourArea());
    }
}
