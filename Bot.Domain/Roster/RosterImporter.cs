using Bot.Domain.Storage;
using Dapper;
using MySql.Data.MySqlClient;

namespace Bot.Domain.Roster;

// Imports places.csv and people.csv files all-or-nothing: every row is checked first, then
// everything is written in one transaction. Re-importing the same files changes nothing.
public sealed class RosterImporter(Db db, TimeProvider clock)
{
    public async Task<RosterImportResult> ImportAsync(IReadOnlyList<(string Name, byte[] Content)> files, CancellationToken ct = default)
    {
        var problems = new List<RosterProblem>();
        var parsed = files.Select(f => (f.Name, File: RosterFile.Parse(f.Name, f.Content, problems))).ToList();
        CheckPhones(parsed.SelectMany(p => p.File.People.Select(r => (p.Name, r))), problems);
        if (problems.Count > 0)
            throw new RosterRejected(problems);

        await using var connection = await db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var write = new RosterWrite(connection, transaction, clock.GetUtcNow().UtcDateTime);
        foreach (var (_, file) in parsed)
            foreach (var place in file.Places)
                await write.PlaceAsync(place);
        foreach (var (name, file) in parsed)
            foreach (var person in file.People)
                if (await write.PersonAsync(person) is { } reason)
                    problems.Add(new RosterProblem(name, person.Line, reason));
        if (problems.Count > 0)
        {
            await transaction.RollbackAsync(ct);
            throw new RosterRejected(problems);
        }
        await transaction.CommitAsync(ct);
        return write.Result;
    }

    // One phone is one person: it may hold several roles, but always under the same name.
    static void CheckPhones(IEnumerable<(string File, PersonRow Row)> people, List<RosterProblem> problems)
    {
        var seen = new Dictionary<string, (string File, PersonRow Row)>();
        foreach (var (file, row) in people)
        {
            if (!seen.TryGetValue(row.Phone, out var first))
                seen[row.Phone] = (file, row);
            else if (first.Row.Name != row.Name)
                problems.Add(new RosterProblem(file, row.Line,
                    $"duplicate phone {Phone.Mask(row.Phone)}: line {first.Row.Line} gives it to {first.Row.Name}, this line to {row.Name}"));
            else if (first.Row.Role == row.Role && row.Role == RosterRole.Villager)
                problems.Add(new RosterProblem(file, row.Line, $"duplicate phone {Phone.Mask(row.Phone)}: {row.Name} is already a villager on line {first.Row.Line}"));
        }
    }
}

sealed class RosterWrite(MySqlConnection connection, MySqlTransaction transaction, DateTime now)
{
    int created, updated, unchanged;

    public RosterImportResult Result => new(created, updated, unchanged);

    public async Task PlaceAsync(PlaceRow row)
    {
        var district = await EnsureAsync("SELECT id FROM district WHERE name = @Name", "INSERT INTO district (name) VALUES (@Name)", new { Name = row.District });
        var town = await EnsureAsync("SELECT id FROM town WHERE district_id = @Parent AND name = @Name",
            "INSERT INTO town (district_id, name) VALUES (@Parent, @Name)", new { Parent = district, Name = row.Town });
        var village = await EnsureAsync("SELECT id FROM village WHERE town_id = @Parent AND name = @Name",
            "INSERT INTO village (town_id, name, code) VALUES (@Parent, @Name, @Code)", new { Parent = town, Name = row.Village, Code = row.VillageCode });
        await EnsureAsync("SELECT id FROM grid WHERE village_id = @Parent AND name = @Name",
            "INSERT INTO grid (village_id, name) VALUES (@Parent, @Name)", new { Parent = village, Name = row.Grid });
    }

    // Returns why the row cannot be imported, or null when it was.
    public async Task<string?> PersonAsync(PersonRow row)
    {
        var place = await connection.QuerySingleOrDefaultAsync<PlaceIds>("""
            SELECT d.id AS district_id, t.id AS town_id, v.id AS village_id, g.id AS grid_id
            FROM district d
            LEFT JOIN town t ON t.district_id = d.id AND t.name = @Town
            LEFT JOIN village v ON v.town_id = t.id AND v.name = @Village
            LEFT JOIN grid g ON g.village_id = v.id AND g.name = @Grid
            WHERE d.name = @District
            """, new { row.District, row.Town, row.Village, row.Grid }, transaction);
        if (place is null)
            return $"unknown district '{row.District}' (import places.csv first)";
        if (row.Town.Length > 0 && place.TownId is null)
            return $"unknown town '{row.Town}' in {row.District}";
        if (row.Village.Length > 0 && place.VillageId is null)
            return $"unknown village '{row.Village}' in {row.Town}";
        if (row.Grid.Length > 0 && place.GridId is null)
            return $"unknown grid '{row.Grid}' in {row.Village}";

        long? household = row.Household.Length > 0 && place.GridId is { } grid
            ? await EnsureAsync("SELECT id FROM household WHERE grid_id = @Parent AND label = @Name",
                "INSERT INTO household (grid_id, label) VALUES (@Parent, @Name)", new { Parent = grid, Name = row.Household })
            : null;
        var existing = await connection.QuerySingleOrDefaultAsync<PersonIds>(
            "SELECT id, name, household_id, village_id FROM person WHERE phone = @Phone", new { row.Phone }, transaction);
        if (existing is not null && existing.Name != row.Name)
            return $"phone {Phone.Mask(row.Phone)} already belongs to {existing.Name}";
        var personId = existing?.Id ?? await InsertPersonAsync(row, household, place.VillageId);
        if (existing is not null)
        {
            var newHousehold = household ?? existing.HouseholdId;
            var newVillage = place.VillageId ?? existing.VillageId;
            if (newHousehold != existing.HouseholdId || newVillage != existing.VillageId)
            {
                await connection.ExecuteAsync("UPDATE person SET household_id = @newHousehold, village_id = @newVillage WHERE id = @Id",
                    new { newHousehold, newVillage, existing.Id }, transaction);
                updated++;
            }
            else unchanged++;
        }
        await RoleAsync(personId, row.Role, place);
        if (row.Role == RosterRole.PartyMember)
            await LeadAsync(place.GridId!.Value, personId);
        return null;
    }

    async Task<long> InsertPersonAsync(PersonRow row, long? household, long? village)
    {
        created++;
        return await connection.ExecuteScalarAsync<long>("""
            INSERT INTO person (name, phone, household_id, village_id, created_at) VALUES (@Name, @Phone, @household, @village, @now);
            SELECT LAST_INSERT_ID();
            """, new { row.Name, row.Phone, household, village, now }, transaction);
    }

    async Task RoleAsync(long personId, RosterRole role, PlaceIds place)
    {
        var (name, scope) = role switch
        {
            RosterRole.Villager => ("villager", place.VillageId ?? 0),
            RosterRole.PartyMember => ("party_member", place.VillageId ?? 0),
            RosterRole.Secretary => ("secretary", place.VillageId ?? 0),
            RosterRole.TownOfficer => ("town_officer", place.TownId ?? 0),
            RosterRole.DistrictOfficer => ("district_officer", place.DistrictId),
            _ => ("admin", 0L),
        };
        var args = new { personId, name, scope };
        if (await connection.ExecuteScalarAsync<bool>(
                "SELECT EXISTS (SELECT 1 FROM person_role WHERE person_id = @personId AND role = @name AND scope_id = @scope)", args, transaction))
            return;
        await connection.ExecuteAsync("INSERT INTO person_role (person_id, role, scope_id) VALUES (@personId, @name, @scope)", args, transaction);
        created++;
    }

    async Task LeadAsync(long grid, long personId)
    {
        var leader = await connection.ExecuteScalarAsync<long?>("SELECT person_id FROM grid_leader WHERE grid_id = @grid", new { grid }, transaction);
        if (leader == personId) return;
        await connection.ExecuteAsync("REPLACE INTO grid_leader (grid_id, person_id) VALUES (@grid, @personId)", new { grid, personId }, transaction);
        if (leader is null) created++; else updated++;
    }

    async Task<long> EnsureAsync(string findSql, string insertSql, object args)
    {
        if (await connection.ExecuteScalarAsync<long?>(findSql, args, transaction) is { } id)
        {
            unchanged++;
            return id;
        }
        created++;
        return await connection.ExecuteScalarAsync<long>(insertSql + "; SELECT LAST_INSERT_ID();", args, transaction);
    }

    sealed record PlaceIds(long DistrictId, long? TownId, long? VillageId, long? GridId);
    sealed record PersonIds(long Id, string Name, long? HouseholdId, long? VillageId);
}
