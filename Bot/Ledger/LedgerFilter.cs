using Bot.Domain.Demands;

namespace Bot.Ledger;

// Which demands a ledger query covers. Place names: village by its code, town and district by name.
public sealed record LedgerFilter(
    string? Village = null, string? Town = null, string? District = null, DemandStatus? Status = null, Colour? Colour = null,
    Category? Category = null, long? HandlerId = null, DateTimeOffset? From = null, DateTimeOffset? To = null)
{
    // Dates people pick are Asia/Shanghai days; a period's end is the start of the day after its last.
    public static DateTimeOffset DayStart(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, DemandCode.China.GetUtcOffset(midnight)).ToUniversalTime();
    }
}
