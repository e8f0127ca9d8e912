using Bot.Domain.Storage;
using Dapper;

namespace Bot.Domain.Demands;

public sealed class DemandStore(Db db)
{
    public async Task<Demand?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<DemandRow>(new CommandDefinition(
            $"SELECT {DemandRow.Columns} FROM demand WHERE id = @id", new { id }, cancellationToken: ct));
        return row?.ToDemand();
    }

    public async Task<Demand?> FindByCodeAsync(string code, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<DemandRow>(new CommandDefinition(
            $"SELECT {DemandRow.Columns} FROM demand WHERE code = @code", new { code }, cancellationToken: ct));
        return row?.ToDemand();
    }

    public async Task<IReadOnlyList<Demand>> ListAsync(string where, object args, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<DemandRow>(new CommandDefinition(
            $"SELECT {DemandRow.Columns} FROM demand WHERE {where}", args, cancellationToken: ct));
        return rows.Select(r => r.ToDemand()).ToList();
    }

    public async Task<IReadOnlyList<DemandEvent>> TimelineAsync(long demandId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<EventRow>(new CommandDefinition("""
            SELECT kind, actor_id, actor_role, status, level, handler_id, note, version, at
            FROM demand_event WHERE demand_id = @demandId ORDER BY id
            """, new { demandId }, cancellationToken: ct));
        return rows.Select(r => r.ToEvent()).ToList();
    }

    // Runs one unit of work in a transaction; it commits only when the work returns.
    public async Task<T> WriteAsync<T>(Func<DemandWriter, Task<T>> work, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var result = await work(new DemandWriter(connection, transaction));
        await transaction.CommitAsync(ct);
        return result;
    }

    sealed class EventRow
    {
        public string Kind { get; set; } = "";
        public long? ActorId { get; set; }
        public string ActorRole { get; set; } = "";
        public string Status { get; set; } = "";
        public string Level { get; set; } = "";
        public long? HandlerId { get; set; }
        public string? Note { get; set; }
        public int Version { get; set; }
        public DateTime At { get; set; }

        public DemandEvent ToEvent() => new(
            Enum.Parse<DemandEventKind>(Kind), new Actor(ActorId, Enum.Parse<ActorRole>(ActorRole)),
            Enum.Parse<DemandStatus>(Status), Enum.Parse<EscalationLevel>(Level), HandlerId, Note, Version,
            new DateTimeOffset(DateTime.SpecifyKind(At, DateTimeKind.Utc)));
    }
}
