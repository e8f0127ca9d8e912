using Bot.Conversation;
using Bot.Domain;
using Bot.Domain.Demands;
using Bot.Domain.Outbox;
using Bot.Domain.People;
using Dapper;

namespace Bot.Demands;

// Every move on a demand after intake, for chat and mini-program alike: the state machine decides,
// and the change, its timeline events and the pushes it causes are written in one transaction.
public sealed class DemandWork(DemandStore store, PeopleStore people, TimeLimitOptions limits, QuietHours quiet, Templates templates,
    TimeProvider clock)
{
    public Task<Demand> AcceptAsync(Demand demand, Actor by, CancellationToken ct) =>
        SaveAsync(demand.Accept(by, Now), ct);

    // alsoWrite: what belongs to the step (the mini-program's photos), written in its transaction.
    public Task<Demand> ProgressAsync(Demand demand, Actor by, string note, CancellationToken ct, Func<DemandWriter, Task>? alsoWrite = null) =>
        SaveAsync(demand.ReportProgress(by, note, Now), ct, alsoWrite);

    public Task<Demand> ResolveAsync(Demand demand, Actor by, string note, CancellationToken ct, Func<DemandWriter, Task>? alsoWrite = null) =>
        SaveAsync(demand.Resolve(by, note, Now), ct, alsoWrite);

    public Task<Demand> WithdrawAsync(Demand demand, Actor by, CancellationToken ct) =>
        SaveAsync(demand.Withdraw(by, Now), ct);

    public async Task<Demand> EscalateAsync(Demand demand, Actor by, string reason, CancellationToken ct)
    {
        var (level, handler) = await NextLevelAsync(demand, ct);
        return await SaveAsync(demand.Escalate(by, handler, Now + limits.For(demand.Colour, level), reason, Now), ct);
    }

    public Task<Demand> TransferAsync(Demand demand, Actor by, long toPersonId, string? note, CancellationToken ct) =>
        SaveAsync(demand.Transfer(by, toPersonId, note, Now), ct);

    public async Task<Demand> AssignAsync(Demand demand, Actor by, long toPersonId, CancellationToken ct)
    {
        var level = await people.RoleOfAsync(toPersonId, ct) switch
        {
            ActorRole.Secretary => EscalationLevel.Village,
            ActorRole.TownOfficer => EscalationLevel.Town,
            ActorRole.DistrictOfficer or ActorRole.Admin => EscalationLevel.District,
            _ => EscalationLevel.Member,
        };
        return await SaveAsync(demand.Assign(toPersonId, level, Now + limits.For(demand.Colour, level), by, Now), ct);
    }

    public async Task<Demand> RateAsync(Demand demand, Actor by, RatingValue value, string? comment, CancellationToken ct)
    {
        Reopening? reopen = null;
        if (!value.Counts())
        {
            var (level, handler) = await NextLevelAsync(demand, ct);
            reopen = new Reopening(handler, Now + limits.For(demand.Colour, level));
        }
        var change = demand.Rate(by, value, comment, reopen, Now);
        return await SaveAsync(change, ct, async write => await write.Connection.ExecuteAsync("""
            INSERT INTO rating (demand_id, villager_id, handler_id, value, comment, rated_at)
            VALUES (@Id, @VillagerId, @HandlerId, @value, @comment, @at)
            """, new { demand.Id, demand.VillagerId, demand.HandlerId, value = value.ToString(), comment, at = Now.UtcDateTime }, write.Transaction));
    }

    // A secretary's re-label is also a training example for the next model.
    public Task<Demand> RelabelAsync(Demand demand, Actor by, Category category, Colour colour, CancellationToken ct) =>
        SaveAsync(demand.Relabel(by, category, colour, Now), ct, async write => await write.Connection.ExecuteAsync("""
            INSERT INTO classifier_correction (demand_id, text, category, colour, previous_category, previous_colour, corrected_by, corrected_at)
            VALUES (@Id, @Text, @category, @colour, @previousCategory, @previousColour, @by, @at)
            """, new
            {
                demand.Id, demand.Text, category = category.Code(), colour = colour.Code(),
                previousCategory = demand.Category?.Code(), previousColour = demand.Colour?.Code(), by = by.PersonId, at = Now.UtcDateTime,
            }, write.Transaction));

    DateTimeOffset Now => clock.GetUtcNow();

    async Task<(EscalationLevel, long)> NextLevelAsync(Demand demand, CancellationToken ct)
    {
        var next = demand.Level == EscalationLevel.District ? demand.Level : demand.Level + 1;
        var chain = await people.ChainAsync(demand.VillageId, demand.HouseholdId, ct);
        return chain.FirstFrom(next) ?? throw new RuleViolation(RuleViolationKind.IllegalTransition,
            "Nobody is on the roster above this level to take the demand.");
    }

    async Task<Demand> SaveAsync(DemandChange change, CancellationToken ct, Func<DemandWriter, Task>? alsoWrite = null)
    {
        var messages = await NotificationsAsync(change, ct);
        return await store.WriteAsync(async write =>
        {
            var saved = await write.ApplyAsync(change);
            if (alsoWrite is not null)
                await alsoWrite(write);
            await write.EnqueueAsync(messages, Now);
            return saved;
        }, ct);
    }

    // Who hears of a change: the villager of every step they care about, the new handler of a task,
    // the old handler that it left them. Keys carry the state version, so a repeat enqueues once.
    async Task<IReadOnlyList<OutboxMessage>> NotificationsAsync(DemandChange change, CancellationToken ct)
    {
        var d = change.After;
        var before = change.Before!;
        var handler = d.HandlerId is { } h ? await people.FindAsync(h, ct) : null;
        var model = new
        {
            code = d.Code, shortCode = Wording.ShortCode(d.Code), handlerName = handler?.Name ?? "", level = Levels.Chinese(d.Level),
            fromLevel = Levels.Chinese(before.Level), deadline = d.DeadlineAt is { } at ? Wording.Time(at) : "",
            note = change.Events[^1].Note ?? "", colour = d.Colour?.Chinese(), category = d.Category?.Chinese(),
            text = d.Text.Length > 60 ? d.Text[..60] + "…" : d.Text, how = "转交",
        };
        var messages = new List<OutboxMessage>();
        void To(long? person, string kind, string template, object? with = null)
        {
            if (person is not { } p)
                return;
            var message = new OutboxMessage($"demand:{d.Id}:{kind}:v{d.Version}:p{p}", p, null, kind,
                new OutboxPayload(templates.Render(template, with ?? model), Notice: kind).ToJson());
            var urgent = p == d.HandlerId && d.Colour == Colour.Orange && d.IsOverdue(Now);
            messages.Add(quiet.Apply(message, Now, urgent));
        }
        var last = change.Events[^1].Kind;
        switch (last)
        {
            case DemandEventKind.Accepted: To(d.VillagerId, "demand-accepted", "push-accepted"); break;
            case DemandEventKind.Progress: To(d.VillagerId, "demand-progress", "push-progress"); break;
            case DemandEventKind.Resolved: To(d.VillagerId, "demand-resolved", "push-resolved"); break;
            case DemandEventKind.Escalated:
                To(d.VillagerId, "demand-escalated", "push-escalated");
                To(d.HandlerId, "task-assigned", "task-escalated");
                To(before.HandlerId, "task-handed-over", "task-handed-over", model with { how = "上报" });
                break;
            case DemandEventKind.Reopened:
                To(d.HandlerId, "task-assigned", "task-escalated", model with { note = "群众不满意，重新办理" });
                break;
            case DemandEventKind.Transferred:
                To(d.HandlerId, "task-assigned", "task-escalated", model with { note = change.Events[^1].Note ?? "转交" });
                To(before.HandlerId, "task-handed-over", "task-handed-over");
                break;
            case DemandEventKind.Assigned:
                To(d.HandlerId, "task-assigned", "task-escalated", model with { note = "村里分派" });
                break;
        }
        return messages;
    }
}
