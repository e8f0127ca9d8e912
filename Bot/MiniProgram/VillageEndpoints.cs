using Bot.Demands;
using Bot.Domain.Demands;
using Bot.Domain.People;
using Bot.Ledger;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bot.MiniProgram;

public sealed record RelabelRequest(string? Category, string? Colour);

// What secretaries and higher offices do beyond their own tasks, within the villages they oversee.
public static class VillageEndpoints
{
    public static void MapVillage(this RouteGroupBuilder mp)
    {
        var village = mp.MapGroup("/village").WithTags("Mini-program: secretaries").RequireAuthorization(MiniProgramSetup.Supervisors)
            .AddEndpointFilter(Problems.RefusalsAsProblems).ProducesProblem(401).ProducesProblem(403).ProducesProblem(409);
        village.MapGet("/triage", Triage).WithSummary("Demands waiting to be classified or assigned, oldest first");
        village.MapPost("/demands/{id:long}/relabel", Relabel).WithSummary("Correct the category and colour (kept as a classifier correction)");
        village.MapPost("/demands/{id:long}/assign", Assign).WithSummary("Assign a triaged demand to a member or officer, by phone");
        village.MapGet("/ledger", Ledger).WithSummary("The ledger of the villages I oversee");
        village.MapGet("/undeliverable", Undeliverable).WithSummary("Messages that could not reach people in my villages");
    }

    public sealed record UndeliverableView(long Id, string Kind, string Recipient, string? Reason, DateTimeOffset CreatedAt);

    static async Task<Ok<List<UndeliverableView>>> Undeliverable(CurrentUser user, Bot.Domain.Outbox.OutboxQueue outbox, CancellationToken ct) =>
        TypedResults.Ok((await outbox.UndeliverableAsync(user.PersonId, user.Role, 100, ct))
            .Select(m => new UndeliverableView(m.Id, m.Kind, m.Recipient, m.Reason, new DateTimeOffset(DateTime.SpecifyKind(m.CreatedAt, DateTimeKind.Utc))))
            .ToList());

    static async Task<Results<Ok<Paged<DemandView>>, ValidationProblem>> Triage(int? page, int? pageSize, CurrentUser user,
        DemandStore store, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (skip, take, p, size) = errors.Paging(page, pageSize);
        if (errors.Any)
            return errors.Problem();
        var queue = await store.TriageAsync(user.PersonId, user.Role, skip, take, ct);
        return TypedResults.Ok(new Paged<DemandView>(queue.Select(d => DemandView.Of(d, clock.GetUtcNow())).ToList(), p, size));
    }

    static async Task<Results<Ok<DemandView>, ValidationProblem, ProblemHttpResult>> Relabel(long id, RelabelRequest request,
        CurrentUser user, DemandStore store, DemandWork work, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var category = errors.Code<Category>("category", request.Category, CategoryCodes.TryParse, string.Join(", ", Enum.GetValues<Category>().Select(c => c.Code())));
        var colour = errors.Code<Colour>("colour", request.Colour, ColourCodes.TryParse, "green, blue, orange");
        if (category is null && !errors.Any)
            errors.Add("category", "Required.");
        if (colour is null && !errors.Any)
            errors.Add("colour", "Required.");
        if (errors.Any)
            return errors.Problem();
        var (demand, refusal) = await TaskEndpoints.VisibleAsync(id, user, store, ct);
        return demand is null
            ? refusal!
            : TypedResults.Ok(DemandView.Of(await work.RelabelAsync(demand, user.Actor, category!.Value, colour!.Value, ct), clock.GetUtcNow()));
    }

    static async Task<Results<Ok<DemandView>, ValidationProblem, ProblemHttpResult>> Assign(long id, HandOverRequest request,
        CurrentUser user, DemandStore store, PeopleStore people, DemandWork work, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var to = await TaskEndpoints.StaffByPhoneAsync(errors, request.ToPhone, people, ct);
        if (errors.Any)
            return errors.Problem();
        var (demand, refusal) = await TaskEndpoints.VisibleAsync(id, user, store, ct);
        return demand is null ? refusal! : TypedResults.Ok(DemandView.Of(await work.AssignAsync(demand, user.Actor, to!.Id, ct), clock.GetUtcNow()));
    }

    static async Task<Results<Ok<Paged<LedgerRow>>, ValidationProblem>> Ledger(string? status, string? colour, string? category,
        DateOnly? from, DateOnly? to, int? page, int? pageSize, CurrentUser user, LedgerStore ledger, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var filter = LedgerEndpoints.Filter(errors, status, colour, category, from, to);
        var (skip, take, p, size) = errors.Paging(page, pageSize, 50);
        if (errors.Any)
            return errors.Problem();
        var (rows, total) = await ledger.QueryAsync(filter, DemandScope.Overseen(user.Role), user.PersonId, skip, take, ct);
        return TypedResults.Ok(new Paged<LedgerRow>(rows, p, size, total));
    }
}
