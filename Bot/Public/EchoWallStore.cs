using Bot.Domain.Demands;
using Bot.Domain.Messages;
using Bot.Domain.Storage;
using Dapper;

namespace Bot.Public;

public sealed record EchoWallItem(string Code, Category? Category, string Summary, string Villager, string HandledBy, string? Result,
    RatingValue? Rating, DateTimeOffset ResolvedAt);

public sealed record EchoWall(string Village, IReadOnlyList<EchoWallItem> Items, int Page, int PageSize, long Total,
    IReadOnlyDictionary<string, long> SensitiveCounts);

// The echo wall (回音壁): a village's resolved demands, newest first. Disputes and welfare are
// private matters, so they appear only as counts (docs/domain.md "The echo wall and the ledger").
public sealed class EchoWallStore(Db db)
{
    static readonly string[] Sensitive = [Category.Dispute.Code(), Category.Welfare.Code()];

    const string ResolvedSql = """
        FROM demand d
        JOIN (SELECT demand_id, MAX(id) AS event_id FROM demand_event WHERE kind = 'Resolved' GROUP BY demand_id) last ON last.demand_id = d.id
        JOIN demand_event e ON e.id = last.event_id
        JOIN person p ON p.id = d.villager_id
        WHERE d.village_id = @villageId AND d.status IN ('Resolved', 'Closed', 'ClosedUnrated')
        """;

    public async Task<EchoWall?> PageAsync(string villageCode, int skip, int take, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var village = await connection.QuerySingleOrDefaultAsync<VillageRow>(new CommandDefinition(
            "SELECT id, name FROM village WHERE code = @villageCode", new { villageCode }, cancellationToken: ct));
        if (village is null)
            return null;
        var args = new { villageId = village.Id, Sensitive, skip, take };
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"""
            SELECT d.code, d.category, d.text, p.name AS villager, e.level, e.note AS result, e.at AS resolved_at,
              (SELECT r.value FROM rating r WHERE r.demand_id = d.id ORDER BY r.id DESC LIMIT 1) AS rating
            {ResolvedSql} AND (d.category IS NULL OR d.category NOT IN @Sensitive)
            ORDER BY e.at DESC, d.id DESC LIMIT @take OFFSET @skip
            """, args, cancellationToken: ct));
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) {ResolvedSql} AND (d.category IS NULL OR d.category NOT IN @Sensitive)", args, cancellationToken: ct));
        var counts = (await connection.QueryAsync<(string, long)>(new CommandDefinition(
            $"SELECT d.category, COUNT(*) {ResolvedSql} AND d.category IN @Sensitive GROUP BY d.category", args, cancellationToken: ct)))
            .ToDictionary(c => c.Item1, c => c.Item2);
        var items = rows.Select(r => new EchoWallItem(
            r.Code, CategoryCodes.TryParse(r.Category, out var c) ? c : null, PublicText.Scrub(r.Text, 40)!,
            Wording.MaskName(r.Villager), Levels.Chinese(Enum.Parse<EscalationLevel>(r.Level)), PublicText.Scrub(r.Result, 200),
            r.Rating is null ? null : Enum.Parse<RatingValue>(r.Rating), new DateTimeOffset(DateTime.SpecifyKind(r.ResolvedAt, DateTimeKind.Utc))))
            .ToList();
        return new EchoWall(village.Name, items, skip / Math.Max(take, 1) + 1, take, total,
            Sensitive.ToDictionary(s => s, s => counts.GetValueOrDefault(s)));
    }

    sealed record VillageRow(long Id, string Name);

    sealed class Row
    {
        public string Code { get; set; } = "";
        public string? Category { get; set; }
        public string Text { get; set; } = "";
        public string Villager { get; set; } = "";
        public string Level { get; set; } = "";
        public string? Result { get; set; }
        public DateTime ResolvedAt { get; set; }
        public string? Rating { get; set; }
    }
}
