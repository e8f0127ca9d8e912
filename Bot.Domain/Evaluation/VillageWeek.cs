namespace Bot.Domain.Evaluation;

// A village's week for its secretary's Monday report.
public sealed record VillageWeek(long VillageId, string VillageName, long SecretaryId, int Received, int Resolved, int OnTime,
    int Overdue, int Rated, int Satisfied, IReadOnlyList<OpenDemand> Oldest)
{
    public double? OnTimeRate => Resolved == 0 ? null : (double)OnTime / Resolved;
    public double? SatisfactionRate => Rated == 0 ? null : (double)Satisfied / Rated;
}

public sealed record OpenDemand(string Code, string Status, DateTime CreatedAt, string? HandlerName);
