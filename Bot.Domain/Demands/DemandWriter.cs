using Bot.Domain.Outbox;
using Dapper;
using MySql.Data.MySqlClient;

namespace Bot.Domain.Demands;

// Everything one state change writes, inside one transaction: the demand row (version-checked),
// its timeline events and the outbox messages it causes.
public sealed class DemandWriter(MySqlConnection connection, MySqlTransaction transaction)
{
    public MySqlConnection Connection => connection;
    public MySqlTransaction Transaction => transaction;

    readonly Dictionary<long, Demand> written = [];

    // Each demand this unit of work inserted or changed, as it stands at the end.
    public IReadOnlyList<Demand> Written => written.Values.ToList();

    // LAST_INSERT_ID(expr) hands the incremented counter back to this connection only.
    const string NextNumberSql = """
        INSERT INTO demand_code_counter (day, last_number) VALUES (@Day, LAST_INSERT_ID(1))
        ON DUPLICATE KEY UPDATE last_number = LAST_INSERT_ID(last_number + 1);
        SELECT LAST_INSERT_ID();
        """;

    public async Task<string> NextCodeAsync(DateTimeOffset at)
    {
        var day = DemandCode.LocalDay(at);
        var number = await connection.ExecuteScalarAsync<long>(NextNumberSql, new { Day = day.ToDateTime(TimeOnly.MinValue) }, transaction);
        return DemandCode.Format(day, (int)number);
    }

    const string InsertSql = """
        INSERT INTO demand (code, villager_id, village_id, household_id, text, latitude, longitude, location_label,
          category, colour, confidence, model_version, status, level, handler_id, unit_id, deadline_at, version, created_at, updated_at)
        VALUES (@Code, @VillagerId, @VillageId, @HouseholdId, @Text, @Latitude, @Longitude, @LocationLabel,
          @Category, @Colour, @Confidence, @ModelVersion, @Status, @Level, @HandlerId, @UnitId, @DeadlineAt, @Version, @CreatedAt, @UpdatedAt);
        SELECT LAST_INSERT_ID();
        """;

    public async Task<Demand> InsertAsync(DemandChange submitted)
    {
        var id = await connection.ExecuteScalarAsync<long>(InsertSql, DemandRow.Args(submitted.After), transaction);
        var demand = submitted.After with { Id = id };
        await AppendEventsAsync(id, submitted.Events);
        written[id] = demand;
        return demand;
    }

    // The version check turns a concurrent change (a second tap, a job firing) into a clean refusal.
    const string UpdateSql = """
        UPDATE demand SET category = @Category, colour = @Colour, confidence = @Confidence, model_version = @ModelVersion,
          status = @Status, level = @Level, handler_id = @HandlerId, unit_id = @UnitId, deadline_at = @DeadlineAt,
          version = @Version, updated_at = @UpdatedAt
        WHERE id = @Id AND version = @PreviousVersion
        """;

    public async Task<Demand> ApplyAsync(DemandChange change)
    {
        var before = change.Before ?? throw new ArgumentException("A new demand is inserted, not applied.", nameof(change));
        var args = new DynamicParameters(DemandRow.Args(change.After));
        args.Add("Id", before.Id);
        args.Add("PreviousVersion", before.Version);
        if (await connection.ExecuteAsync(UpdateSql, args, transaction) != 1)
            throw new RuleViolation(RuleViolationKind.StaleVersion, $"Demand {before.Code} changed meanwhile; reload it.");
        await AppendEventsAsync(before.Id, change.Events);
        written[before.Id] = change.After;
        return change.After;
    }

    const string EventSql = """
        INSERT INTO demand_event (demand_id, kind, actor_id, actor_role, status, level, handler_id, note, version, at)
        VALUES (@DemandId, @Kind, @ActorId, @ActorRole, @Status, @Level, @HandlerId, @Note, @Version, @At)
        """;

    async Task AppendEventsAsync(long demandId, IEnumerable<DemandEvent> events)
    {
        var rows = events.Select(e => new
        {
            DemandId = demandId, Kind = e.Kind.ToString(), ActorId = e.Actor.PersonId, ActorRole = e.Actor.Role.ToString(),
            Status = e.Status.ToString(), Level = e.Level.ToString(), e.HandlerId, e.Note, e.Version, At = e.At.UtcDateTime,
        });
        await connection.ExecuteAsync(EventSql, rows, transaction);
    }

    public async Task EnqueueAsync(IEnumerable<OutboxMessage> messages, DateTimeOffset now) =>
        await connection.ExecuteAsync(OutboxStore.InsertSql, messages.Select(m => OutboxStore.Args(m, now)), transaction);
}
