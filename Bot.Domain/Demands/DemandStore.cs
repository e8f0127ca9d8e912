using Bot.Domain.Storage;
using Dapper;

namespace Bot.Domain.Demands;

// Called once a change has committed, with each changed demand as it now stands: Bot.Jobs plans
// the demand's reminders from it. Outside the transaction, because Quartz keeps its own.
public delegate Task DemandsChanged(IReadOnlyList<Demand> demands, CancellationToken ct);

public sealed class DemandStore(Db db, DemandsChanged? changed = null)
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

    // A handler's open tasks (triage counts: it waits on the secretary), most urgent first by default.
    public Task<IReadOnlyList<Demand>> TasksAsync(long handlerId, int skip, int take, bool newestFirst = false, CancellationToken ct = default) =>
        ListAsync($"""
            handler_id = @handlerId AND status IN ('Triage', 'Assigned', 'Accepted', 'InProgress')
            ORDER BY {(newestFirst ? "created_at DESC" : "deadline_at IS NULL, deadline_at, created_at")} LIMIT @take OFFSET @skip
            """, new { handlerId, skip, take }, ct);

    // Demands waiting for a secretary to classify or assign, oldest first, within what the role oversees.
    public Task<IReadOnlyList<Demand>> TriageAsync(long me, ActorRole role, int skip, int take, CancellationToken ct = default) =>
        ListAsync($"status = 'Triage' AND ({DemandScope.Overseen(role)}) ORDER BY created_at LIMIT @take OFFSET @skip",
            new { me, skip, take }, ct);

    public async Task<bool> IsVisibleAsync(long demandId, long me, ActorRole role, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM demand WHERE id = @demandId AND {DemandScope.Visible(role)}", new { demandId, me }, cancellationToken: ct)) > 0;
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

    // One query for many demands: the scheduler replans demands in batches.
    public async Task<IReadOnlyDictionary<long, DemandMilestones>> MilestonesAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0)
            return new Dictionary<long, DemandMilestones>();
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<MilestoneRow>(new CommandDefinition("""
            SELECT demand_id, kind, MAX(at) AS at FROM demand_event
            WHERE demand_id IN @ids AND kind IN ('Assigned', 'Escalated', 'Transferred', 'Reopened', 'Resolved', 'SurveySent')
            GROUP BY demand_id, kind
            """, new { ids }, cancellationToken: ct));
        return rows.GroupBy(r => r.DemandId).ToDictionary(g => g.Key, g =>
        {
            DateTimeOffset? Last(params string[] kinds) =>
                g.Where(r => kinds.Contains(r.Kind)).Select(r => (DateTimeOffset?)new DateTimeOffset(DateTime.SpecifyKind(r.At, DateTimeKind.Utc))).Max();
            return new DemandMilestones(Last("Assigned", "Escalated", "Transferred", "Reopened"), Last("Assigned", "Escalated", "Reopened"),
                Last("Resolved"), Last("SurveySent"));
        });
    }

    sealed record MilestoneRow(long DemandId, string Kind, DateTime At);

    // The demand a photo, voice note or location sent shortly after belongs to: the sender's own
    // newest open demand, or the task they just reported progress on or resolved (proof photos).
    public async Task<(long Id, string Code)?> RecentForAttachmentAsync(long personId, DateTimeOffset since, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QueryFirstOrDefaultAsync<AttachRow>(new CommandDefinition("""
            SELECT id, code, at FROM (
              (SELECT d.id, d.code, d.created_at AS at FROM demand d
               WHERE d.villager_id = @personId AND d.created_at >= @since AND d.status NOT IN ('Closed', 'ClosedUnrated', 'Withdrawn')
               ORDER BY d.created_at DESC LIMIT 1)
              UNION ALL
              (SELECT d.id, d.code, e.at FROM demand_event e JOIN demand d ON d.id = e.demand_id
               WHERE e.actor_id = @personId AND e.at >= @since AND e.kind IN ('Progress', 'Resolved')
               ORDER BY e.id DESC LIMIT 1)
            ) recent ORDER BY at DESC LIMIT 1
            """, new { personId, since = since.UtcDateTime }, cancellationToken: ct));
        return row is null ? null : (row.Id, row.Code);
    }

    public async Task AttachPhotoAsync(long demandId, string mediaId, string purpose, long by, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO demand_photo (demand_id, media_id, purpose, added_by, added_at) VALUES (@demandId, @mediaId, @purpose, @by, @at)
            """, new { demandId, mediaId, purpose, by, at = at.UtcDateTime }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<DemandPhoto>> PhotosAsync(long demandId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<PhotoRow>(new CommandDefinition(
            "SELECT id, media_id, purpose, added_at FROM demand_photo WHERE demand_id = @demandId ORDER BY id",
            new { demandId }, cancellationToken: ct));
        return rows.Select(r => new DemandPhoto(r.Id, r.MediaId, r.Purpose, new DateTimeOffset(DateTime.SpecifyKind(r.AddedAt, DateTimeKind.Utc)))).ToList();
    }

    sealed record PhotoRow(long Id, string? MediaId, string Purpose, DateTime AddedAt);

    // Where the problem is does not change the demand's state, so no version step.
    public async Task SetLocationAsync(long demandId, Location location, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE demand SET latitude = @Latitude, longitude = @Longitude, location_label = @Label WHERE id = @demandId
            """, new { demandId, location.Latitude, location.Longitude, location.Label }, cancellationToken: ct));
    }

    sealed record AttachRow(long Id, string Code, DateTime At);

    // A rating given without a comment a moment ago, whose comment the next message may be.
    public async Task<long?> RatingAwaitingCommentAsync(long villagerId, DateTimeOffset since, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition("""
            SELECT r.id FROM rating r
            WHERE r.villager_id = @villagerId AND r.comment IS NULL AND r.rated_at >= @since AND r.value <> 'NotSatisfied'
              AND NOT EXISTS (SELECT 1 FROM demand d WHERE d.villager_id = @villagerId AND d.created_at > r.rated_at)
            ORDER BY r.id DESC LIMIT 1
            """, new { villagerId, since = since.UtcDateTime }, cancellationToken: ct));
    }

    public async Task AddRatingCommentAsync(long ratingId, string comment, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE rating SET comment = @comment WHERE id = @ratingId AND comment IS NULL", new { ratingId, comment }, cancellationToken: ct));
    }

    // Runs one unit of work in a transaction; it commits only when the work returns.
    public async Task<T> WriteAsync<T>(Func<DemandWriter, Task<T>> work, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var writer = new DemandWriter(connection, transaction);
        var result = await work(writer);
        await transaction.CommitAsync(ct);
        // Not the caller's token: the change has committed, so its schedule must follow it even if
        // the request that made it has gone.
        if (changed is not null && writer.Written.Count > 0)
            await changed(writer.Written, CancellationToken.None);
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

// A photo, voice note or proof on a demand: a WeChat media id from chat, an upload id from the mini-program.
public sealed record DemandPhoto(long Id, string? MediaId, string Purpose, DateTimeOffset AddedAt);
