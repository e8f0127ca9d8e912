using Bot.Domain.Outbox;
using Bot.Domain.People;

namespace Bot.Domain.Demands;

public sealed record NewDemand(long VillagerId, long? VillageId, long? HouseholdId, string Text, Location? Location);

// What the classifier said about a demand's text.
public sealed record Grade(Category Category, Colour Colour, double Confidence, string ModelVersion, bool IsConfident);

// Submitting a demand is one transaction: stored, classified, then assigned to the household's
// party member, or sent to the village secretary when the grade is unsure or no member is paired.
public sealed class DemandIntake(DemandStore store, PeopleStore people, TimeLimitOptions limits, TimeProvider clock)
{
    public async Task<Demand> SubmitAsync(NewDemand request, Grade grade,
        Func<Demand, IEnumerable<OutboxMessage>>? messages = null, CancellationToken ct = default,
        Func<DemandWriter, Demand, Task>? alsoWrite = null)
    {
        var chain = await people.ChainAsync(request.VillageId, request.HouseholdId, ct);
        var now = clock.GetUtcNow();
        return await store.WriteAsync(async write =>
        {
            var code = await write.NextCodeAsync(now);
            var demand = await write.InsertAsync(Demand.Submit(code, request.VillagerId, request.VillageId,
                request.HouseholdId, request.Text, request.Location, now));
            demand = await write.ApplyAsync(demand.Classify(grade.Category, grade.Colour, grade.Confidence, grade.ModelVersion, now));
            var next = grade.IsConfident && chain.Member is { } member
                ? demand.Assign(member, EscalationLevel.Member, now + limits.For(grade.Colour, EscalationLevel.Member), Actor.System, now)
                : demand.SendToTriage(chain.FirstFrom(EscalationLevel.Village)?.HandlerId,
                    chain.Member is null ? "no paired party member" : "classifier unsure", now);
            demand = await write.ApplyAsync(next);
            if (messages is not null)
                await write.EnqueueAsync(messages(demand), now);
            if (alsoWrite is not null)
                await alsoWrite(write, demand);
            return demand;
        }, ct);
    }
}
