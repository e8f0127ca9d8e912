using Bot.Domain.Classification;
using Bot.Domain.Demands;
using Bot.Domain.Outbox;
using Bot.Domain.People;
using Bot.WeChat.Inbound;

namespace Bot.Conversation;

// Turns one inbound message into one reply. Commands and small talk are recognised first;
// any other free text is a demand (docs/domain.md "A demand's life").
public sealed class ChatHandler(PeopleStore people, DemandStore demands, DemandIntake intake, DemandClassifier classifier,
    Templates templates, TimeProvider clock)
{
    public async Task<ChatReply> HandleAsync(InboundMessage message, CancellationToken ct)
    {
        switch (message)
        {
            case SubscribeEvent follow:
                var village = follow.SceneKey is { } scene ? await people.VillageByCodeAsync(scene, ct) : null;
                return Say("welcome", new { village = village?.Name });
            case ClickEvent { MenuKey: "MY_DEMANDS" } click:
                return await ListAsync(click.FromUserName, ct);
            case ClickEvent:
                return Say("help");
            case TextMessage text:
                return await TextAsync(text.FromUserName, text.Content, ct);
            case VoiceMessage { Recognition: { Length: > 0 } heard } voice:
                return await TextAsync(voice.FromUserName, heard, ct);
            default:
                return ChatReply.None;
        }
    }

    async Task<ChatReply> TextAsync(string openId, string content, CancellationToken ct)
    {
        switch (SmallTalk.Recognise(content))
        {
            case SmallTalkKind.Empty: return Say("empty-hint");
            case SmallTalkKind.Greeting: return Say("greeting");
            case SmallTalkKind.Thanks: return Say("thanks");
        }
        var words = content.Trim().Split((char[])[' ', '　'], 2, StringSplitOptions.RemoveEmptyEntries);
        return words[0].ToLowerInvariant() switch
        {
            "帮助" or "help" or "?" or "？" => Say("help"),
            "查询" or "我的诉求" or "status" when words.Length == 1 => await ListAsync(openId, ct),
            "查询" or "status" => await DetailAsync(openId, words[1], ct),
            _ => await ReportAsync(openId, content.Trim(), ct),
        };
    }

    async Task<ChatReply> ReportAsync(string openId, string text, CancellationToken ct)
    {
        var villager = await people.FindByOpenIdAsync(openId, ct)
            ?? await people.RegisterUnboundAsync(openId, null, clock.GetUtcNow(), ct);
        var grade = classifier.Classify(text);
        var household = await people.HouseholdLabelAsync(villager.HouseholdId, ct);
        var demand = await intake.SubmitAsync(
            new NewDemand(villager.Id, villager.VillageId, villager.HouseholdId, text, null),
            new Grade(grade.Category, grade.Colour, grade.CategoryProbability, grade.ModelVersion, grade.IsConfident),
            d => TaskPush(d, household), ct);
        var handler = demand.Status == DemandStatus.Assigned && demand.HandlerId is { } id ? await people.FindAsync(id, ct) : null;
        return Say("demand-received", new
        {
            code = demand.Code, shortCode = Wording.ShortCode(demand.Code),
            category = grade.Category.Chinese(), colour = grade.Colour.Chinese(),
            handlerName = handler?.Name, handlerPhone = Bot.Domain.Phone.Mask(handler?.Phone),
            deadline = demand.DeadlineAt is { } at ? Wording.Time(at) : null,
        });
    }

    // The handler hears of a new task through the outbox, never from inside this request.
    IEnumerable<OutboxMessage> TaskPush(Demand demand, string? household)
    {
        if (demand.HandlerId is not { } handler)
            yield break;
        var text = templates.Render("task-assigned", new
        {
            code = demand.Code, shortCode = Wording.ShortCode(demand.Code), colour = demand.Colour?.Chinese(),
            category = demand.Category?.Chinese(), household = household is null ? "未绑定群众" : household,
            text = demand.Text.Length > 60 ? demand.Text[..60] + "…" : demand.Text,
            deadline = demand.DeadlineAt is { } at ? Wording.Time(at) : "尽快",
        });
        yield return new OutboxMessage($"demand:{demand.Id}:assigned:v{demand.Version}", handler, null, "task-assigned",
            new OutboxPayload(text, Notice: "task-assigned").ToJson());
    }

    async Task<ChatReply> ListAsync(string openId, CancellationToken ct)
    {
        if (await people.FindByOpenIdAsync(openId, ct) is not { } villager)
            return Say("no-demands");
        var open = (await demands.ListAsync(
                "villager_id = @id AND status NOT IN ('Closed', 'ClosedUnrated', 'Withdrawn') ORDER BY created_at DESC LIMIT 10",
                new { id = villager.Id }, ct))
            .Select(d => new { code = d.Code, status = Wording.Status(d.Status), deadline = d.DeadlineAt is { } at ? Wording.Time(at) : null })
            .ToList();
        return open.Count == 0 ? Say("no-demands") : Say("demand-list", new { count = open.Count, demands = open });
    }

    async Task<ChatReply> DetailAsync(string openId, string typed, CancellationToken ct)
    {
        var villager = await people.FindByOpenIdAsync(openId, ct);
        var code = DemandCode.Parse(typed);
        var mine = villager is null || code is null
            ? []
            : await demands.ListAsync("villager_id = @id ORDER BY created_at DESC LIMIT 200", new { id = villager.Id }, ct);
        // A villager sees only their own demands: someone else's code reads as "not found".
        if (mine.FirstOrDefault(d => code!.Matches(d.Code)) is not { } demand)
            return Say("demand-not-found", new { code = typed });
        var events = (await demands.TimelineAsync(demand.Id, ct))
            .Where(e => e.Kind is not DemandEventKind.Classified)
            .Select(e => new { at = Wording.Time(e.At), what = Wording.Event(e.Kind), note = e.Kind == DemandEventKind.Progress || e.Kind == DemandEventKind.Resolved ? e.Note : null });
        return Say("demand-detail", new
        {
            code = demand.Code, category = demand.Category?.Chinese(), colour = demand.Colour?.Chinese(),
            status = Wording.Status(demand.Status), events,
        });
    }

    ChatReply Say(string template, object? model = null) => new(templates.Render(template, model));
}
