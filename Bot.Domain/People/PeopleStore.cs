using Bot.Domain.Demands;
using Bot.Domain.Storage;
using Dapper;

namespace Bot.Domain.People;

public sealed record Person(long Id, string Name, string? Phone, long? HouseholdId, long? VillageId);

// Who is who: people, their WeChat identities, and who handles a demand at each level.
public sealed class PeopleStore(Db db)
{
    public async Task<Person?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Person>(new CommandDefinition(
            "SELECT id, name, phone, household_id, village_id FROM person WHERE id = @id", new { id }, cancellationToken: ct));
    }

    public async Task<Person?> FindByOpenIdAsync(string oaOpenId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Person>(new CommandDefinition("""
            SELECT p.id, p.name, p.phone, p.household_id, p.village_id
            FROM person p JOIN wechat_identity w ON w.person_id = p.id WHERE w.oa_openid = @oaOpenId
            """, new { oaOpenId }, cancellationToken: ct));
    }

    public async Task<string?> OpenIdOfAsync(long personId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT oa_openid FROM wechat_identity WHERE person_id = @personId", new { personId }, cancellationToken: ct));
    }

    public async Task LinkOpenIdAsync(long personId, string oaOpenId, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO wechat_identity (person_id, oa_openid, updated_at) VALUES (@personId, @oaOpenId, @at)
            ON DUPLICATE KEY UPDATE oa_openid = VALUES(oa_openid), updated_at = VALUES(updated_at)
            """, new { personId, oaOpenId, at = at.UtcDateTime }, cancellationToken: ct));
    }

    // Someone WeChat brought in whom the roster does not know yet: registered, unbound, so their
    // demands still land (with the village secretary, or the district office without a village).
    public async Task<Person> RegisterUnboundAsync(string oaOpenId, long? villageId, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO person (name, village_id, created_at) VALUES ('微信用户', @villageId, @at); SELECT LAST_INSERT_ID();
            """, new { villageId, at = at.UtcDateTime }, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO wechat_identity (person_id, oa_openid, updated_at) VALUES (@id, @oaOpenId, @at)",
            new { id, oaOpenId, at = at.UtcDateTime }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return new Person(id, "微信用户", null, null, villageId);
    }

    // Unfollowing: platform policy is to drop the user's personal data. The roster entry and the
    // ledger stay (they belong to the village), the WeChat link goes, so nothing more is pushed.
    public async Task ForgetOpenIdAsync(string oaOpenId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE wechat_identity SET oa_openid = NULL WHERE oa_openid = @oaOpenId", new { oaOpenId }, cancellationToken: ct));
    }

    // A QR code scanned later moves someone not yet on the roster to that village.
    public async Task MoveUnboundAsync(long personId, long villageId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE person SET village_id = @villageId WHERE id = @personId AND household_id IS NULL AND phone IS NULL",
            new { personId, villageId }, cancellationToken: ct));
    }

    public async Task<(long Id, string Name)?> VillageByCodeAsync(string code, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<VillageRow>(new CommandDefinition(
            "SELECT id, name FROM village WHERE code = @code", new { code }, cancellationToken: ct));
        return row is null ? null : (row.Id, row.Name);
    }

    public async Task<string?> HouseholdLabelAsync(long? householdId, CancellationToken ct = default)
    {
        if (householdId is null) return null;
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition("""
            SELECT CONCAT(v.name, g.name, ' ', h.label) FROM household h JOIN grid g ON g.id = h.grid_id JOIN village v ON v.id = g.village_id
            WHERE h.id = @householdId
            """, new { householdId }, cancellationToken: ct));
    }

    sealed record VillageRow(long Id, string Name);

    public async Task<Person?> FindByPhoneAsync(string phone, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Person>(new CommandDefinition(
            "SELECT id, name, phone, household_id, village_id FROM person WHERE phone = @phone", new { phone }, cancellationToken: ct));
    }

    // Whom a task can be handed to: someone on the roster with a role above villager.
    public async Task<Person?> FindStaffByPhoneAsync(string typedPhone, CancellationToken ct = default) =>
        await FindByPhoneAsync(Phone.Normalize(typedPhone), ct) is { } person && await RoleOfAsync(person.Id, ct) != ActorRole.Villager
            ? person
            : null;

    // The strongest role decides what a person may do in chat; everyone is at least a villager.
    public async Task<ActorRole> RoleOfAsync(long personId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var roles = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT role FROM person_role WHERE person_id = @personId", new { personId }, cancellationToken: ct))).ToHashSet();
        return roles.Contains("admin") ? ActorRole.Admin
            : roles.Contains("district_officer") ? ActorRole.DistrictOfficer
            : roles.Contains("town_officer") ? ActorRole.TownOfficer
            : roles.Contains("secretary") ? ActorRole.Secretary
            : roles.Contains("party_member") ? ActorRole.PartyMember
            : ActorRole.Villager;
    }

    // Binding: the WeChat account becomes the roster person's; demands raised while unbound move along.
    public async Task LinkToRosterAsync(long unboundId, long rosterId, string oaOpenId, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var args = new { unboundId, rosterId, oaOpenId, at = at.UtcDateTime };
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM wechat_identity WHERE oa_openid = @oaOpenId OR person_id = @rosterId", args, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO wechat_identity (person_id, oa_openid, updated_at) VALUES (@rosterId, @oaOpenId, @at)", args, transaction, cancellationToken: ct));
        if (unboundId != rosterId)
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE demand SET villager_id = @rosterId WHERE villager_id = @unboundId", args, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
    }

    // The escalation chain for one place: grid leader ▸ village secretary ▸ town officer ▸ district officer.
    const string ChainSql = """
        SELECT
          (SELECT gl.person_id FROM household h JOIN grid_leader gl ON gl.grid_id = h.grid_id WHERE h.id = @householdId) AS member,
          (SELECT MIN(r.person_id) FROM person_role r WHERE r.role = 'secretary' AND r.scope_id = v.id) AS village,
          (SELECT MIN(r.person_id) FROM person_role r WHERE r.role = 'town_officer' AND r.scope_id = v.town_id) AS town,
          (SELECT MIN(r.person_id) FROM person_role r JOIN town t ON r.scope_id = t.district_id
             WHERE r.role = 'district_officer' AND t.id = v.town_id) AS district
        FROM village v WHERE v.id = @villageId
        """;

    public async Task<HandlerChain> ChainAsync(long? villageId, long? householdId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<ChainRow>(new CommandDefinition(ChainSql,
            new { villageId, householdId }, cancellationToken: ct));
        return row is null
            ? new HandlerChain(null, null, null, null)
            : new HandlerChain(row.Member, row.Village, row.Town, row.District);
    }

    sealed class ChainRow
    {
        public long? Member { get; set; }
        public long? Village { get; set; }
        public long? Town { get; set; }
        public long? District { get; set; }
    }
}

public sealed record HandlerChain(long? Member, long? Village, long? Town, long? District)
{
    public long? At(EscalationLevel level) => level switch
    {
        EscalationLevel.Member => Member,
        EscalationLevel.Village => Village,
        EscalationLevel.Town => Town,
        _ => District,
    };

    // The first person at or above a level; a missing secretary must not strand a demand.
    public (EscalationLevel Level, long HandlerId)? FirstFrom(EscalationLevel level)
    {
        for (var l = level; l <= EscalationLevel.District; l++)
            if (At(l) is { } id)
                return (l, id);
        return null;
    }
}
