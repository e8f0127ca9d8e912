using Bot.Domain.Demands;
using Bot.Domain.Storage;
using Dapper;

namespace Bot.Ledger;

// The ledger is the timeline read across demands: every demand with its place, people, time limit and outcome.
public sealed class LedgerStore(Db db)
{
    const string Select = """
        SELECT d.id, d.code, d.created_at, dist.name AS district, t.name AS town, v.name AS village, d.category, d.colour,
          d.status, d.level, vp.name AS villager, hp.name AS handler, d.deadline_at,
          (SELECT MAX(e.at) FROM demand_event e WHERE e.demand_id = d.id AND e.kind = 'Resolved') AS resolved_at,
          (SELECT e.note FROM demand_event e WHERE e.demand_id = d.id AND e.kind = 'Resolved' ORDER BY e.id DESC LIMIT 1) AS result,
          (SELECT r.value FROM rating r WHERE r.demand_id = d.id ORDER BY r.id DESC LIMIT 1) AS rating,
          d.text
        FROM demand d
        JOIN person vp ON vp.id = d.villager_id
        LEFT JOIN person hp ON hp.id = d.handler_id
        LEFT JOIN village v ON v.id = d.village_id
        LEFT JOIN town t ON t.id = v.town_id
        LEFT JOIN district dist ON dist.id = t.district_id
        """;

    // scope: a DemandScope clause over the demand table with @me bound, or null for everything.
    public async Task<(IReadOnlyList<LedgerRow> Rows, long Total)> QueryAsync(LedgerFilter filter, string? scope, long? me, int skip, int take,
        CancellationToken ct = default)
    {
        var (where, args) = Where(filter, scope, me);
        args.Add("skip", skip);
        args.Add("take", take);
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"{Select} WHERE {where} ORDER BY d.created_at DESC, d.id DESC LIMIT @take OFFSET @skip", args, cancellationToken: ct));
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"""
            SELECT COUNT(*) FROM demand d LEFT JOIN village v ON v.id = d.village_id LEFT JOIN town t ON t.id = v.town_id
            LEFT JOIN district dist ON dist.id = t.district_id WHERE {where}
            """, args, cancellationToken: ct));
        return (rows.Select(r => r.ToLedgerRow()).ToList(), total);
    }

    static (string, DynamicParameters) Where(LedgerFilter f, string? scope, long? me)
    {
        var clauses = new List<string> { "TRUE" };
        var args = new DynamicParameters();
        void When(bool present, string clause, string name, object? value)
        {
            if (!present)
                return;
            clauses.Add(clause);
            args.Add(name, value);
        }
        When(f.Village is not null, "v.code = @village", "village", f.Village);
        When(f.Town is not null, "t.name = @town", "town", f.Town);
        When(f.District is not null, "dist.name = @district", "district", f.District);
        When(f.Status is not null, "d.status = @status", "status", f.Status.ToString());
        When(f.Colour is not null, "d.colour = @colour", "colour", f.Colour?.Code());
        When(f.Category is not null, "d.category = @category", "category", f.Category?.Code());
        When(f.HandlerId is not null, "d.handler_id = @handler", "handler", f.HandlerId);
        When(f.From is not null, "d.created_at >= @from", "from", f.From?.UtcDateTime);
        When(f.To is not null, "d.created_at < @to", "to", f.To?.UtcDateTime);
        // The scope's SQL names the demand table's columns bare; a subquery keeps them unambiguous.
        When(scope is not null, $"d.id IN (SELECT id FROM demand WHERE {scope})", "me", me);
        return (string.Join(" AND ", clauses), args);
    }

    sealed class Row
    {
        public long Id { get; set; }
        public string Code { get; set; } = "";
        public DateTime CreatedAt { get; set; }
        public string? District { get; set; }
        public string? Town { get; set; }
        public string? Village { get; set; }
        public string? Category { get; set; }
        public string? Colour { get; set; }
        public string Status { get; set; } = "";
        public string Level { get; set; } = "";
        public string Villager { get; set; } = "";
        public string? Handler { get; set; }
        public DateTime? DeadlineAt { get; set; }
        public DateTime? ResolvedAt { get; set; }
        public string? Result { get; set; }
        public string? Rating { get; set; }
        public string Text { get; set; } = "";

        public LedgerRow ToLedgerRow() => new(
            Id, Code, Utc(CreatedAt), District, Town, Village,
            CategoryCodes.TryParse(Category, out var c) ? c : null, ColourCodes.TryParse(Colour, out var k) ? k : null,
            Enum.Parse<DemandStatus>(Status), Enum.Parse<EscalationLevel>(Level), Villager, Handler,
            DeadlineAt is { } d ? Utc(d) : null, ResolvedAt is { } r ? Utc(r) : null,
            ResolvedAt is { } done && DeadlineAt is { } limit ? done <= limit : null, Result,
            Rating is null ? null : Enum.Parse<RatingValue>(Rating), Text);

        static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
    }
}
