using Bot.Demands;
using Bot.Domain;
using Bot.Domain.Demands;
using Bot.Domain.Messages;
using Bot.Domain.People;
using Bot.WeChat.Inbound;

namespace Bot.Conversation;

// What a villager does by chat: follow, bind, report, follow up, withdraw, rate.
public sealed class VillagerChat(PeopleStore people, DemandStore demands, DemandReporting reporting, DemandWork work,
    Templates templates, TimeProvider clock)
{
    public async Task<ChatReply> FollowAsync(string openId, string? scene, CancellationToken ct)
    {
        var village = scene is null ? null : await people.VillageByCodeAsync(scene, ct);
        if (await people.FindByOpenIdAsync(openId, ct) is not { } known)
            await people.RegisterUnboundAsync(openId, village?.Id, clock.GetUtcNow(), ct);
        else if (village is { } chosen)
            await people.MoveUnboundAsync(known.Id, chosen.Id, ct);
        return Say("welcome", new { village = village?.Name });
    }

    public async Task<ChatReply> BindAsync(string openId, ChatCommand command, CancellationToken ct)
    {
        if (command.Arg(0) is not { } name || command.Arg(1) is not { } typedPhone)
            return Say("bind-prompt");
        if (!Phone.IsValid(typedPhone))
            return Say("bind-bad-phone", new { phone = typedPhone });
        var me = await people.FindByOpenIdAsync(openId, ct) ?? await people.RegisterUnboundAsync(openId, null, clock.GetUtcNow(), ct);
        var phone = Phone.Normalize(typedPhone);
        // Both must match, so nobody takes over a household by guessing a phone number.
        if (await people.FindByPhoneAsync(phone, ct) is not { } listed || listed.Name != name)
            return Say("bind-unmatched", new { name, phone = Phone.Mask(phone) });
        await people.LinkToRosterAsync(me.Id, listed.Id, openId, clock.GetUtcNow(), ct);
        var place = await people.HouseholdLabelAsync(listed.HouseholdId, ct);
        return Say("bound", new { name, village = place ?? "", household = "", phone = Phone.Mask(phone) });
    }

    public async Task<ChatReply> ReportAsync(string openId, string text, CancellationToken ct)
    {
        var villager = await people.FindByOpenIdAsync(openId, ct)
            ?? await people.RegisterUnboundAsync(openId, null, clock.GetUtcNow(), ct);
        return new ChatReply((await reporting.ReportAsync(villager, text, null, ct)).Acknowledgement);
    }

    public async Task<ChatReply> ListAsync(string openId, CancellationToken ct)
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

    public async Task<ChatReply> DetailAsync(string openId, string typed, CancellationToken ct)
    {
        if (await MineAsync(openId, typed, ct) is not { } demand)
            return Say("demand-not-found", new { code = typed });
        var events = (await demands.TimelineAsync(demand.Id, ct))
            .Where(e => e.ShowsToVillager)
            .Select(e => new { at = Wording.Time(e.At), what = Wording.Event(e.Kind), note = e.NoteForVillager });
        return Say("demand-detail", new
        {
            code = demand.Code, category = demand.Category?.Chinese(), colour = demand.Colour?.Chinese(),
            status = Wording.Status(demand.Status), events,
        });
    }

    public async Task<ChatReply> WithdrawAsync(string openId, ChatCommand command, CancellationToken ct)
    {
        if (command.Arg(0) is not { } typed)
            return await ListAsync(openId, ct);
        if (await MineAsync(openId, typed, ct) is not { } demand)
            return Say("demand-not-found", new { code = typed });
        try
        {
            await work.WithdrawAsync(demand, new Actor(demand.VillagerId, ActorRole.Villager), ct);
            return Say("withdrawn", new { code = demand.Code });
        }
        catch (RuleViolation refused)
        {
            return Refusal.For(refused, demand, "撤回", templates);
        }
    }

    // "满意" / "2 修得挺快" / "不满意 还是漏水": the rating goes to the latest demand awaiting one.
    public async Task<ChatReply> RateAsync(string openId, ChatCommand command, CancellationToken ct)
    {
        var value = command.Arg(0) switch
        {
            "满意" or "1" => RatingValue.Satisfied,
            "基本满意" or "2" => RatingValue.BasicallySatisfied,
            _ => RatingValue.NotSatisfied,
        };
        var comment = command.RestFrom(1) is { Length: > 0 } c ? c : null;
        var villager = await people.FindByOpenIdAsync(openId, ct);
        var awaiting = villager is null ? [] : await demands.ListAsync(
            "villager_id = @id AND status = 'Resolved' ORDER BY updated_at DESC LIMIT 1", new { id = villager.Id }, ct);
        if (awaiting.Count == 0)
            return Say("nothing-to-rate");
        var demand = awaiting[0];
        try
        {
            var rated = await work.RateAsync(demand, new Actor(villager!.Id, ActorRole.Villager), value, comment, ct);
            // One question at a time: the rating first, then, if none came with it, an optional comment.
            if (value.Counts())
                return Say(comment is null ? "rated-ask-comment" : "rated-thanks", new { code = demand.Code, rating = value.Chinese() });
            var handler = rated.HandlerId is { } h ? await people.FindAsync(h, ct) : null;
            return Say("rated-reopened", new
            {
                code = demand.Code, level = Levels.Chinese(rated.Level), handlerName = handler?.Name,
                deadline = rated.DeadlineAt is { } at ? Wording.Time(at) : "",
            });
        }
        catch (RuleViolation refused)
        {
            return Refusal.For(refused, demand, "评价", templates);
        }
    }

    // The answer to "any comment?": plain text soon after a rating without one is that comment, not a new demand.
    public async Task<ChatReply?> CommentAsync(string openId, string text, TimeSpan window, CancellationToken ct)
    {
        if (await people.FindByOpenIdAsync(openId, ct) is not { } villager
            || await demands.RatingAwaitingCommentAsync(villager.Id, clock.GetUtcNow() - window, ct) is not { } ratingId)
            return null;
        await demands.AddRatingCommentAsync(ratingId, text, ct);
        return Say("comment-recorded");
    }

    // Photos, voice and a location sent within the window belong to the demand just raised (or, for a
    // handler, to the task just resolved); anything later needs words to become a demand of its own.
    public async Task<ChatReply> AttachAsync(string openId, InboundMessage message, TimeSpan window, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (await people.FindByOpenIdAsync(openId, ct) is not { } me
            || await demands.RecentForAttachmentAsync(me.Id, now - window, ct) is not { } recent)
            return Say("report-prompt");
        switch (message)
        {
            case ImageMessage image:
                await demands.AttachPhotoAsync(recent.Id, image.MediaId, "photo", me.Id, now, ct);
                break;
            case VoiceMessage voice:
                await demands.AttachPhotoAsync(recent.Id, voice.MediaId, "voice", me.Id, now, ct);
                break;
            case LocationMessage place:
                await demands.SetLocationAsync(recent.Id, new Location((decimal)place.Latitude, (decimal)place.Longitude, place.Label), ct);
                break;
        }
        return Say("attached", new { code = recent.Code });
    }

    // A villager sees only their own demands: someone else's code reads as "not found".
    async Task<Demand?> MineAsync(string openId, string typed, CancellationToken ct)
    {
        if (await people.FindByOpenIdAsync(openId, ct) is not { } villager || DemandCode.Parse(typed) is not { } code)
            return null;
        var mine = await demands.ListAsync("villager_id = @id ORDER BY created_at DESC LIMIT 200", new { id = villager.Id }, ct);
        return mine.FirstOrDefault(d => code.Matches(d.Code));
    }

    ChatReply Say(string template, object? model = null) => new(templates.Render(template, model));
}
