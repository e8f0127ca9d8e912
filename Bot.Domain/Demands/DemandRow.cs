namespace Bot.Domain.Demands;

// The demand table's shape; Dapper fills it by column name (snake_case → PascalCase).
sealed class DemandRow
{
    public const string Columns = """
        id, code, villager_id, village_id, household_id, text, latitude, longitude, location_label, category, colour,
        confidence, model_version, status, level, handler_id, unit_id, deadline_at, version, created_at, updated_at
        """;

    public long Id { get; set; }
    public string Code { get; set; } = "";
    public long VillagerId { get; set; }
    public long? VillageId { get; set; }
    public long? HouseholdId { get; set; }
    public string Text { get; set; } = "";
    public decimal? Latitude { get; set; }
    public decimal? Longitude { get; set; }
    public string? LocationLabel { get; set; }
    public string? Category { get; set; }
    public string? Colour { get; set; }
    public double? Confidence { get; set; }
    public string? ModelVersion { get; set; }
    public string Status { get; set; } = "";
    public string Level { get; set; } = "";
    public long? HandlerId { get; set; }
    public long? UnitId { get; set; }
    public DateTime? DeadlineAt { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public Demand ToDemand() => new(
        Id, Code, VillagerId, VillageId, HouseholdId, Text,
        Latitude is { } lat && Longitude is { } lng ? new Location(lat, lng, LocationLabel) : null,
        Category is null ? null : Enum.Parse<Category>(Category, ignoreCase: true),
        Colour is null ? null : Enum.Parse<Colour>(Colour, ignoreCase: true),
        Confidence, ModelVersion, Enum.Parse<DemandStatus>(Status), Enum.Parse<EscalationLevel>(Level),
        HandlerId, UnitId, DeadlineAt is { } d ? Utc(d) : null, Version, Utc(CreatedAt), Utc(UpdatedAt));

    public static object Args(Demand d) => new
    {
        d.Code, d.VillagerId, d.VillageId, d.HouseholdId, d.Text,
        Latitude = d.Location?.Latitude, Longitude = d.Location?.Longitude, LocationLabel = d.Location?.Label,
        Category = d.Category?.Code(), Colour = d.Colour?.Code(), d.Confidence, d.ModelVersion,
        Status = d.Status.ToString(), Level = d.Level.ToString(), d.HandlerId, d.UnitId,
        DeadlineAt = d.DeadlineAt?.UtcDateTime, d.Version, CreatedAt = d.CreatedAt.UtcDateTime, UpdatedAt = d.UpdatedAt.UtcDateTime,
    };

    // DATETIME(6) holds UTC by convention; MySql.Data hands it back unmarked.
    static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
