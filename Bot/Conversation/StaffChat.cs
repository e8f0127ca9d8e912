using Bot.Domain;
using Bot.Domain.Demands;
using Bot.Domain.Messages;
using Bot.Domain.People;

namespace Bot.Conversation;

// What party members, secretaries and officers do by chat. A command only ever finds demands the
// person may see; the state machine then decides whether the move is allowed.
public sealed class StaffChat(PeopleStore people, DemandStore demands, DemandWork work, Templates templates)
{
    const string Open = "status NOT IN ('Closed', 'ClosedUnrated', 'Withdrawn')";

    public async Task<ChatReply> RunAsync(Person me, ActorRole role, ChatCommand command, CancellationToken ct)
    {
        var actor = new Actor(me.Id, role);
        switch (command.Verb)
        {
            case Verb.Tasks: return await TasksAsync(me, ct);
            case Verb.Triage when actor.IsSupervisor: return await TriageAsync(me, role, ct);
        }
        var needsText = command.Verb is Verb.Progress or Verb.Resolve or Verb.Escalate or Verb.Transfer or Verb.Assign;
        var supervisorOnly = command.Verb is Verb.Triage or Verb.Relabel or Verb.Assign;
        if (command.Arg(0) is not { } typed || (needsText && command.Arg(1) is null) || (supervisorOnly && !actor.IsSupervisor)
            || (command.Verb == Verb.Relabel && command.Args.Count < 3))
            return Help(role);
        if (await VisibleAsync(me, role, typed, ct) is not { } demand)
            return Say("task-not-found", new { code = typed });
        try
        {
            var (done, what) = command.Verb switch
            {
                Verb.Accept => (await work.AcceptAsync(demand, actor, ct), "接单"),
                Verb.Progress => (await work.ProgressAsync(demand, actor, command.RestFrom(1)!, ct), "记下进展"),
                Verb.Resolve => (await work.ResolveAsync(demand, actor, command.RestFrom(1)!, ct), "办结，已请群众评价"),
                Verb.Escalate => (await work.EscalateAsync(demand, actor, command.RestFrom(1)!, ct), "上报上级"),
                Verb.Transfer or Verb.Assign => await HandOverAsync(demand, actor, command, ct),
                Verb.Relabel => await RelabelAsync(demand, actor, command, ct),
                _ => (null, ""),
            };
            return done is null ? Help(role) : Say("staff-done", new { what, code = demand.Code });
        }
        catch (RuleViolation refused)
        {
            return Refusal.For(refused, demand, Verbs(command.Verb), templates);
        }
        catch (PersonNotFound missing)
        {
            return Say("person-not-found", new { phone = Phone.Mask(missing.Phone) is { Length: > 0 } m ? m : missing.Phone });
        }
    }

    public ChatReply Help(ActorRole role) => new(templates.Render("help-staff", new { secretary = role >= ActorRole.Secretary }));

    async Task<(Demand?, string)> HandOverAsync(Demand demand, Actor actor, ChatCommand command, CancellationToken ct)
    {
        var phone = Phone.Normalize(command.Arg(1)!);
        if (await people.FindStaffByPhoneAsync(phone, ct) is not { } to)
            throw new PersonNotFound(phone);
        return command.Verb == Verb.Assign && demand.Status == DemandStatus.Triage
            ? (await work.AssignAsync(demand, actor, to.Id, ct), $"指派给 {to.Name}")
            : (await work.TransferAsync(demand, actor, to.Id, command.RestFrom(2), ct), $"转交给 {to.Name}");
    }

    async Task<(Demand?, string)> RelabelAsync(Demand demand, Actor actor, ChatCommand command, CancellationToken ct)
    {
        if (!CategoryCodes.TryParse(command.Arg(1), out var category) | !ColourCodes.TryParse(command.Arg(2), out var colour))
            return (null, "");
        return (await work.RelabelAsync(demand, actor, category, colour, ct), $"改为{category.Chinese()}·{colour.Chinese()}");
    }

    async Task<ChatReply> TasksAsync(Person me, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        var tasks = (await demands.TasksAsync(me.Id, 0, 15, ct: ct))
            .Select(d => new
            {
                code = d.Code, colour = d.Colour?.Chinese(), status = Wording.Status(d.Status),
                deadline = d.DeadlineAt is { } at ? Wording.Time(at) : "尽快", overdue = d.IsOverdue(now),
            }).ToList();
        return tasks.Count == 0 ? Say("no-tasks") : Say("task-list", new { count = tasks.Count, tasks });
    }

    async Task<ChatReply> TriageAsync(Person me, ActorRole role, CancellationToken ct)
    {
        var queue = (await demands.TriageAsync(me.Id, role, 0, 15, ct))
            .Select(d => new
            {
                code = d.Code, text = d.Text.Length > 30 ? d.Text[..30] + "…" : d.Text,
                guess = d.Category is { } c ? $"{c.Chinese()}·{d.Colour?.Chinese()}" : null,
            }).ToList();
        return queue.Count == 0 ? Say("no-triage") : Say("triage-list", new { count = queue.Count, demands = queue });
    }

    async Task<Demand?> VisibleAsync(Person me, ActorRole role, string typed, CancellationToken ct)
    {
        if (DemandCode.Parse(typed) is not { } code)
            return null;
        var candidates = await demands.ListAsync(
            $"{Open} AND {DemandScope.Visible(role)} ORDER BY created_at DESC LIMIT 500", new { me = me.Id }, ct);
        return candidates.FirstOrDefault(d => code.Matches(d.Code));
    }

    static string Verbs(Verb verb) => verb switch
    {
        Verb.Accept => "接单", Verb.Progress => "记进展", Verb.Resolve => "办结", Verb.Escalate => "上报",
        Verb.Transfer => "转交", Verb.Assign => "指派", _ => "重新分类",
    };

    ChatReply Say(string template, object? model = null) => new(templates.Render(template, model));

    sealed class PersonNotFound(string phone) : Exception(phone)
    {
        public string Phone { get; } = phone;
    }
}
