using Bot.Domain.Demands;
using Bot.Domain.Storage;
using Dapper;

namespace Bot.Public;

// The figures of docs/domain.md for demands collected in a period: settlement rate = settled ÷ collected;
// on-time rate = resolved within the time limit ÷ resolved; satisfaction rate = (satisfied + basically
// satisfied) ÷ rated. Withdrawn demands were taken back, so they are not counted as collected.
public sealed record Figures(int Collected, int Settled, double? SettlementRate, int OnTime, double? OnTimeRate, int Rated, int Satisfied,
    double? SatisfactionRate);

public sealed record Stats(DateTimeOffset From, DateTimeOffset To, Figures Total, IReadOnlyDictionary<string, Figures> ByColour,
    IReadOnlyDictionary<string, Figures> ByCategory);

public sealed class StatsStore(Db db)
{
    const string Sql = """
        SELECT d.colour, d.category, d.status, d.deadline_at,
          (SELECT MAX(e.at) FROM demand_event e WHERE e.demand_id = d.id AND e.kind = 'Resolved') AS resolved_at,
          (SELECT r.value FROM rating r WHERE r.demand_id = d.id ORDER BY r.id DESC LIMIT 1) AS rating
        FROM demand d
        LEFT JOIN village v ON v.id = d.village_id
        LEFT JOIN town t ON t.id = v.town_id
        LEFT JOIN district dist ON dist.id = t.district_id
        WHERE d.status <> 'Withdrawn' AND d.created_at >= @from AND d.created_at < @to
          AND (@village IS NULL OR v.code = @village) AND (@town IS NULL OR t.name = @town) AND (@district IS NULL OR dist.name = @district)
        """;

    public async Task<Stats> ForAsync(string? village, string? town, string? district, DateTimeOffset from, DateTimeOffset to,
        CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(Sql,
            new { village, town, district, from = from.UtcDateTime, to = to.UtcDateTime }, cancellationToken: ct))).ToList();
        return new Stats(from, to, Sum(rows),
            Enum.GetValues<Colour>().ToDictionary(c => c.Code(), c => Sum(rows.Where(r => r.Colour == c.Code()))),
            Enum.GetValues<Category>().ToDictionary(c => c.Code(), c => Sum(rows.Where(r => r.Category == c.Code()))));
    }

    static Figures Sum(IEnumerable<Row> rows)
    {
        var list = rows.ToList();
        var settled = list.Where(r => r.Status is nameof(DemandStatus.Resolved) or nameof(DemandStatus.Closed) or nameof(DemandStatus.ClosedUnrated)).ToList();
        var onTime = settled.Count(r => r.ResolvedAt is { } done && r.DeadlineAt is { } limit && done <= limit);
        var rated = list.Count(r => r.Rating is not null);
        var satisfied = list.Count(r => r.Rating is nameof(RatingValue.Satisfied) or nameof(RatingValue.BasicallySatisfied));
        return new Figures(list.Count, settled.Count, Rate(settled.Count, list.Count), onTime, Rate(onTime, settled.Count), rated, satisfied,
            Rate(satisfied, rated));
    }

    static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);

    sealed class Row
    {
        public string? Colour { get; set; }
        public string? Category { get; set; }
        public string Status { get; set; } = "";
        public DateTime? DeadlineAt { get; set; }
        public DateTime? ResolvedAt { get; set; }
        public string? Rating { get; set; }
    }
}
