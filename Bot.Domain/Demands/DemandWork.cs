using Bot.Domain;
using Bot.Domain.Messages;
using Bot.Domain.Outbox;
using Bot.Domain.People;
using Dapper;

namespace Bot.Domain.Demands;

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

    // The rating card, one question, sent by a job after the resolution push; marking it sent starts
    // the survey's clock (reminder, closing unrated).
    public async Task<Demand> SendSurveyAsync(Demand demand, CancellationToken ct)
    {
        var model = await ModelAsync(demand, ct);
        var change = demand.MarkSurveySent(Now);
        var card = Push(change.After, demand.VillagerId, "survey", templates.Render("survey-card", model), "demand-survey");
        return await store.WriteAsync(async write =>
        {
            var saved = await write.ApplyAsync(change);
            await write.EnqueueAsync([card], Now);
            return saved;
        }, ct);
    }

    public Task<Demand> CloseUnratedAsync(Demand demand, CancellationToken ct) =>
        store.WriteAsync(write => write.ApplyAsync(demand.CloseUnrated(Now)), ct);

    // A push that changes nothing (a reminder, an alert). Keyed by (demand, kind, version, person) like
    // every other, so a job firing twice for the same state sends once.
    public async Task RemindAsync(Demand demand, long person, string kind, string template, string notice,
        IReadOnlyDictionary<string, object?> extra, CancellationToken ct)
    {
        var model = await ModelAsync(demand, ct);
        foreach (var (key, value) in extra)
            model[key] = value;
        var message = Push(demand, person, kind, templates.Render(template, model), notice);
        await store.WriteAsync(async write =>
        {
            await write.EnqueueAsync([message], Now);
            return 0;
        }, ct);
    }

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
        var model = await ModelAsync(d, ct);
        model["fromLevel"] = Levels.Chinese(before.Level);
        model["note"] = change.Events[^1].Note ?? "";
        model["how"] = "转交";
        var messages = new List<OutboxMessage>();
        void To(long? person, string kind, string template, string? how = null, string? note = null)
        {
            if (person is not { } p)
                return;
            var text = templates.Render(template, new Dictionary<string, object?>(model)
            {
                ["how"] = how ?? model["how"], ["note"] = note ?? model["note"],
            });
            messages.Add(Push(d, p, kind, text));
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
                To(before.HandlerId, "task-handed-over", "task-handed-over", how: "上报");
                break;
            case DemandEventKind.Reopened:
                To(d.HandlerId, "task-assigned", "task-escalated", note: "群众不满意，重新办理");
                break;
            case DemandEventKind.Transferred:
                To(d.HandlerId, "task-assigned", "task-escalated", note: change.Events[^1].Note ?? "转交");
                To(before.HandlerId, "task-handed-over", "task-handed-over");
                break;
            case DemandEventKind.Assigned:
                To(d.HandlerId, "task-assigned", "task-escalated", note: "村里分派");
                break;
        }
        return messages;
    }

    // What every push about a demand may say; templates pick what they need.
    async Task<Dictionary<string, object?>> ModelAsync(Demand d, CancellationToken ct)
    {
        var handler = d.HandlerId is { } h ? await people.FindAsync(h, ct) : null;
        return new()
        {
            ["code"] = d.Code, ["shortCode"] = Wording.ShortCode(d.Code), ["handlerName"] = handler?.Name ?? "",
            ["level"] = Levels.Chinese(d.Level), ["deadline"] = d.DeadlineAt is { } at ? Wording.Time(at) : "",
            ["colour"] = d.Colour?.Chinese(), ["category"] = d.Category?.Chinese(),
            ["text"] = d.Text.Length > 60 ? d.Text[..60] + "…" : d.Text,
        };
    }

    // Held back in quiet hours, except for the handler of an overdue orange matter.
    // The notice picks the template message used when the chat window is closed (WeChat:Templates).
    OutboxMessage Push(Demand d, long person, string kind, string text, string? notice = null) =>
        quiet.Apply(new OutboxMessage($"demand:{d.Id}:{kind}:v{d.Version}:p{person}", person, null, kind,
            new OutboxPayload(text, Notice: notice ?? kind).ToJson()), Now, person == d.HandlerId && d.Colour == Colour.Orange && d.IsOverdue(Now));
}
