using System.Text.RegularExpressions;

using Bot.Domain;

namespace Bot.Domain.Roster;

// Reads one roster CSV; which kind it is follows from its header.
public sealed partial class RosterFile
{
    public static readonly string[] PlaceColumns = ["district", "town", "village", "village_code", "grid"];
    public static readonly string[] PersonColumns = ["district", "town", "village", "grid", "household", "name", "phone", "role"];

    public List<PlaceRow> Places { get; } = [];
    public List<PersonRow> People { get; } = [];

    public static RosterFile Parse(string name, byte[] content, List<RosterProblem> problems)
    {
        var file = new RosterFile();
        List<CsvRow> rows;
        try
        {
            rows = Csv.Read(Csv.Decode(content)).ToList();
        }
        catch (FormatException e)
        {
            var line = LineOf().Match(e.Message) is { Success: true } m ? int.Parse(m.Groups[1].Value) : 1;
            problems.Add(new RosterProblem(name, line, e.Message[(e.Message.IndexOf(':') + 1)..].Trim()));
            return file;
        }
        if (rows.Count == 0)
        {
            problems.Add(new RosterProblem(name, 1, "the file is empty"));
            return file;
        }
        var header = rows[0].Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        // Any column only people.csv has marks the file as people.csv, so a missing one is named.
        var kind = header.Intersect(PersonColumns.Except(PlaceColumns)).Any() ? PersonColumns : PlaceColumns;
        var missing = kind.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new RosterProblem(name, rows[0].Line,
                $"missing column(s): {string.Join(", ", missing)}; expected {string.Join(",", kind)}"));
            return file;
        }
        foreach (var row in rows.Skip(1))
        {
            string Get(string column) => header.IndexOf(column) is var i && i < row.Fields.Count ? row.Fields[i].Trim() : "";
            if (kind == PlaceColumns)
                file.ReadPlace(name, row.Line, Get, problems);
            else
                file.ReadPerson(name, row.Line, Get, problems);
        }
        return file;
    }

    void ReadPlace(string name, int line, Func<string, string> get, List<RosterProblem> problems)
    {
        var row = new PlaceRow(line, get("district"), get("town"), get("village"), get("village_code"), get("grid"));
        var empty = PlaceColumns.Where(c => get(c).Length == 0).ToList();
        if (empty.Count > 0)
            problems.Add(new RosterProblem(name, line, $"empty {string.Join(", ", empty)}"));
        else if (!VillageCode().IsMatch(row.VillageCode))
            problems.Add(new RosterProblem(name, line, $"village_code '{row.VillageCode}' must be letters, digits, '_' or '-' (it goes into QR codes)"));
        else
            Places.Add(row);
    }

    void ReadPerson(string name, int line, Func<string, string> get, List<RosterProblem> problems)
    {
        if (!TryParseRole(get("role"), out var role))
        {
            problems.Add(new RosterProblem(name, line, $"unknown role '{get("role")}' (villager, party_member, secretary, town_officer, district_officer, admin)"));
            return;
        }
        var row = new PersonRow(line, get("district"), get("town"), get("village"), get("grid"), get("household"),
            get("name"), get("phone"), role);
        var needed = role switch
        {
            RosterRole.Villager => new[] { "district", "town", "village", "grid", "household" },
            RosterRole.PartyMember => ["district", "town", "village", "grid"],
            RosterRole.Secretary => ["district", "town", "village"],
            RosterRole.TownOfficer => ["district", "town"],
            RosterRole.DistrictOfficer => ["district"],
            _ => [],
        };
        var empty = needed.Append("name").Where(c => get(c).Length == 0).ToList();
        if (empty.Count > 0)
            problems.Add(new RosterProblem(name, line, $"empty {string.Join(", ", empty)} (needed for role {get("role")})"));
        else if (!Phone.IsValid(row.Phone))
            problems.Add(new RosterProblem(name, line, $"phone '{row.Phone}' is not an 11-digit mainland mobile number"));
        else if (row.Name.Length > 60)
            problems.Add(new RosterProblem(name, line, "name is longer than 60 characters"));
        else
            People.Add(row with { Phone = Phone.Normalize(row.Phone) });
    }

    static bool TryParseRole(string text, out RosterRole role) =>
        Enum.TryParse(text.Replace("_", ""), ignoreCase: true, out role) && !int.TryParse(text, out _);

    [GeneratedRegex(@"line (\d+)")]
    private static partial Regex LineOf();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex VillageCode();
}
