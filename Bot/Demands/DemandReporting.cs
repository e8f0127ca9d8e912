using Bot.Domain.Messages;
using Bot.Domain;
using Bot.Domain.Classification;
using Bot.Domain.Demands;
using Bot.Domain.Outbox;
using Bot.Domain.People;

namespace Bot.Demands;

// A villager's report, whether typed in chat or sent from the mini-program: classified, stored,
// assigned (or sent to triage), the handler's task push written in the same transaction, and the
// acknowledgement worded once.
public sealed class DemandReporting(PeopleStore people, DemandIntake intake, RunningClassifier classifier, QuietHours quiet,
    Templates templates, TimeProvider clock)
{
    public async Task<Reported> ReportAsync(Person villager, string text, Location? location, CancellationToken ct,
        Func<DemandWriter, Demand, Task>? alsoWrite = null)
    {
        var grade = classifier.Current.Classify(text);
        var household = await people.HouseholdLabelAsync(villager.HouseholdId, ct);
        var demand = await intake.SubmitAsync(
            new NewDemand(villager.Id, villager.VillageId, villager.HouseholdId, text, location),
            new Grade(grade.Category, grade.Colour, grade.CategoryProbability, grade.ModelVersion, grade.IsConfident),
            d => TaskPush(d, household is null ? null : $"{household} {Wording.MaskName(villager.Name)}"), ct, alsoWrite);
        var handler = demand.Status == DemandStatus.Assigned && demand.HandlerId is { } id ? await people.FindAsync(id, ct) : null;
        var acknowledgement = templates.Render("demand-received", new
        {
            code = demand.Code, shortCode = Wording.ShortCode(demand.Code),
            category = grade.Category.Chinese(), colour = grade.Colour.Chinese(),
            handlerName = handler?.Name, handlerPhone = Phone.Mask(handler?.Phone),
            deadline = demand.DeadlineAt is { } at ? Wording.Time(at) : null,
        });
        return new Reported(demand, handler, acknowledgement);
    }

    // The handler hears of a new task through the outbox, never from inside the request.
    IEnumerable<OutboxMessage> TaskPush(Demand demand, string? household)
    {
        if (demand.HandlerId is not { } handler)
            yield break;
        var text = templates.Render("task-assigned", new
        {
            code = demand.Code, shortCode = Wording.ShortCode(demand.Code), colour = demand.Colour?.Chinese(),
            category = demand.Category?.Chinese(), household = household ?? "未绑定群众",
            text = demand.Text.Length > 60 ? demand.Text[..60] + "…" : demand.Text,
            deadline = demand.DeadlineAt is { } at ? Wording.Time(at) : "尽快",
        });
        yield return quiet.Apply(new OutboxMessage($"demand:{demand.Id}:assigned:v{demand.Version}:p{handler}", handler, null,
            "task-assigned", new OutboxPayload(text, Notice: "task-assigned").ToJson()), clock.GetUtcNow());
    }
}

// What a report came to: the stored demand, its handler when a member took it, and the words the villager reads.
public sealed record Reported(Demand Demand, Person? Handler, string Acknowledgement);
