using Bot.Domain.Storage;
using Dapper;

namespace Bot.Domain.Evaluation;

// The figures behind the weekly report and the monthly evaluation, and the evaluation's ledger.
public sealed class ReportStore(Db db)
{
    const string VillagesSql = """
        SELECT v.id, v.name, MIN(r.person_id) AS secretary_id FROM village v
        JOIN person_role r ON r.role = 'secretary' AND r.scope_id = v.id
        GROUP BY v.id, v.name ORDER BY v.id
        """;

    // On time: resolved no later than the deadline the demand carried.
    const string WeekSql = """
        SELECT
          (SELECT COUNT(*) FROM demand WHERE village_id = @id AND created_at >= @from AND created_at < @to) AS received,
          (SELECT COUNT(DISTINCT d.id) FROM demand d JOIN demand_event e ON e.demand_id = d.id
           WHERE d.village_id = @id AND e.kind = 'Resolved' AND e.at >= @from AND e.at < @to) AS resolved,
          (SELECT COUNT(DISTINCT d.id) FROM demand d JOIN demand_event e ON e.demand_id = d.id
           WHERE d.village_id = @id AND e.kind = 'Resolved' AND e.at >= @from AND e.at < @to AND e.at <= d.deadline_at) AS on_time,
          (SELECT COUNT(*) FROM demand WHERE village_id = @id AND status IN ('Assigned', 'Accepted', 'InProgress') AND deadline_at < @to) AS overdue,
          (SELECT COUNT(*) FROM rating r JOIN demand d ON d.id = r.demand_id WHERE d.village_id = @id AND r.rated_at >= @from AND r.rated_at < @to) AS rated,
          (SELECT COUNT(*) FROM rating r JOIN demand d ON d.id = r.demand_id WHERE d.village_id = @id AND r.rated_at >= @from AND r.rated_at < @to
             AND r.value IN ('Satisfied', 'BasicallySatisfied')) AS satisfied
        """;

    const string OldestSql = """
        SELECT d.code, d.status, d.created_at, p.name AS handler_name FROM demand d LEFT JOIN person p ON p.id = d.handler_id
        WHERE d.village_id = @id AND d.status NOT IN ('Closed', 'ClosedUnrated', 'Withdrawn') ORDER BY d.created_at, d.id LIMIT 3
        """;

    public async Task<IReadOnlyList<VillageWeek>> WeekAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var weeks = new List<VillageWeek>();
        foreach (var v in await connection.QueryAsync<VillageRow>(new CommandDefinition(VillagesSql, cancellationToken: ct)))
        {
            var args = new { id = v.Id, from = from.UtcDateTime, to = to.UtcDateTime };
            var n = await connection.QuerySingleAsync<WeekRow>(new CommandDefinition(WeekSql, args, cancellationToken: ct));
            var oldest = await connection.QueryAsync<OpenDemand>(new CommandDefinition(OldestSql, args, cancellationToken: ct));
            weeks.Add(new VillageWeek(v.Id, v.Name, v.SecretaryId, (int)n.Received, (int)n.Resolved, (int)n.OnTime, (int)n.Overdue,
                (int)n.Rated, (int)n.Satisfied, oldest.ToList()));
        }
        return weeks;
    }

    // Every party member of the roster, with what they resolved and the ratings they received in the period.
    const string MembersSql = """
        SELECT p.id AS person_id, p.name, v.town_id, v.id AS village_id,
          (SELECT COUNT(DISTINCT e.demand_id) FROM demand_event e
           WHERE e.kind = 'Resolved' AND e.actor_id = p.id AND e.at >= @from AND e.at < @to) AS handled,
          (SELECT COUNT(DISTINCT e.demand_id) FROM demand_event e JOIN demand d ON d.id = e.demand_id
           WHERE e.kind = 'Resolved' AND e.actor_id = p.id AND e.at >= @from AND e.at < @to AND e.at <= d.deadline_at) AS on_time,
          (SELECT COUNT(*) FROM rating r WHERE r.handler_id = p.id AND r.rated_at >= @from AND r.rated_at < @to) AS rated,
          (SELECT COUNT(*) FROM rating r WHERE r.handler_id = p.id AND r.rated_at >= @from AND r.rated_at < @to
             AND r.value IN ('Satisfied', 'BasicallySatisfied')) AS satisfied
        FROM person p
        JOIN (SELECT person_id, MIN(scope_id) AS village_id FROM person_role WHERE role = 'party_member' GROUP BY person_id) m ON m.person_id = p.id
        JOIN village v ON v.id = m.village_id
        ORDER BY p.id
        """;

    public async Task<IReadOnlyList<MemberFigures>> MembersAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<MemberRow>(new CommandDefinition(MembersSql,
            new { from = from.UtcDateTime, to = to.UtcDateTime }, cancellationToken: ct));
        return rows.Select(r => new MemberFigures(r.PersonId, r.Name, r.TownId, r.VillageId, (int)r.Handled, (int)r.OnTime,
            (int)r.Rated, (int)r.Satisfied)).ToList();
    }

    // Re-running a month overwrites it: the evaluation is a pure function of the ledger.
    const string SaveSql = """
        INSERT INTO member_evaluation (month, person_id, town_id, handled, on_time, rated, satisfied, rank_in_town, ranked_in_town, warned, computed_at)
        VALUES (@Month, @PersonId, @TownId, @Handled, @OnTime, @Rated, @Satisfied, @Rank, @Ranked, @Warned, @At)
        ON DUPLICATE KEY UPDATE town_id = VALUES(town_id), handled = VALUES(handled), on_time = VALUES(on_time), rated = VALUES(rated),
          satisfied = VALUES(satisfied), rank_in_town = VALUES(rank_in_town), ranked_in_town = VALUES(ranked_in_town),
          warned = VALUES(warned), computed_at = VALUES(computed_at)
        """;

    public async Task SaveAsync(DateOnly month, IReadOnlyList<MemberEvaluation> evaluations, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(SaveSql, evaluations.Select(e => new
        {
            Month = month.ToDateTime(TimeOnly.MinValue), e.Figures.PersonId, e.Figures.TownId, e.Figures.Handled, e.Figures.OnTime,
            e.Figures.Rated, e.Figures.Satisfied, e.Rank, e.Ranked, e.Warned, At = at.UtcDateTime,
        }), cancellationToken: ct));
    }

    sealed record VillageRow(long Id, string Name, long SecretaryId);
    sealed record WeekRow(long Received, long Resolved, long OnTime, long Overdue, long Rated, long Satisfied);
    sealed record MemberRow(long PersonId, string Name, long TownId, long VillageId, long Handled, long OnTime, long Rated, long Satisfied);
}
