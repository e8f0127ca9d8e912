namespace Bot.Domain.Roster;

public enum RosterRole { Villager, PartyMember, Secretary, TownOfficer, DistrictOfficer, Admin }

// places.csv: district,town,village,village_code,grid — one grid (and its chain of places) a row.
public sealed record PlaceRow(int Line, string District, string Town, string Village, string VillageCode, string Grid);

// people.csv: district,town,village,grid,household,name,phone,role — one role of one person a row.
public sealed record PersonRow(int Line, string District, string Town, string Village, string Grid, string Household,
    string Name, string Phone, RosterRole Role);

public sealed record RosterProblem(string File, int Line, string Reason)
{
    public override string ToString() => $"{File} line {Line}: {Reason}";
}

public sealed class RosterRejected(IReadOnlyList<RosterProblem> problems)
    : Exception("The roster was not imported; nothing was changed.\n" + string.Join("\n", problems))
{
    public IReadOnlyList<RosterProblem> Problems { get; } = problems;
}

public sealed record RosterImportResult(int Created, int Updated, int Unchanged)
{
    public bool ChangedNothing => Created == 0 && Updated == 0;
}
