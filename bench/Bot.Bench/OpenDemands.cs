using System.Text;
using Bot.Domain.Demands;
using Bot.Domain.Storage;
using Dapper;

// The scheduler bench's data, written straight to the tables (not through the chat): one village with
// one villager and party members who follow the account (the simulator's personas), and open demands,
// each accepted by a member and with a time limit ending somewhere in the coming week.
static class OpenDemands
{
    public const int Members = 200;
    const int RowsPerInsert = 1_000;
    // Reported, classified, assigned, accepted.
    const int Version = 4;

    public static string OpenId(int member) => $"oBench{member:D4}";

    public static async Task<IReadOnlyList<long>> SeedRosterAsync(Db db, DateTimeOffset now)
    {
        await using var connection = await db.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        async Task<long> Insert(string sql, object args) =>
            await connection.ExecuteScalarAsync<long>(sql + "; SELECT LAST_INSERT_ID()", args, tx);
        var district = await Insert("INSERT INTO district (name) VALUES ('压测区')", new { });
        var town = await Insert("INSERT INTO town (district_id, name) VALUES (@district, '压测镇')", new { district });
        var village = await Insert("INSERT INTO village (town_id, name, code) VALUES (@town, '压测村', 'BENCH')", new { town });
        var grid = await Insert("INSERT INTO grid (village_id, name) VALUES (@village, '一组')", new { village });
        var household = await Insert("INSERT INTO household (grid_id, label) VALUES (@grid, '1号')", new { grid });
        var at = now.UtcDateTime;
        await Insert("""
            INSERT INTO person (name, phone, household_id, village_id, created_at) VALUES ('张大爷', '13900000000', @household, @village, @at)
            """, new { household, village, at });
        var members = new List<long>();
        for (var i = 0; i < Members; i++)
        {
            var id = await Insert("INSERT INTO person (name, phone, village_id, created_at) VALUES (@name, @phone, @village, @at)",
                new { name = $"党员{i}", phone = $"137{i:D8}", village, at });
            await connection.ExecuteAsync("""
                INSERT INTO person_role (person_id, role, scope_id) VALUES (@id, 'party_member', @village);
                INSERT INTO wechat_identity (person_id, oa_openid, updated_at) VALUES (@id, @openId, @at)
                """, new { id, village, openId = OpenId(i), at }, tx);
            members.Add(id);
        }
        await tx.CommitAsync();
        return members;
    }

    // Multi-row INSERTs of RowsPerInsert demands, then each demand's "Assigned" event in one statement:
    // the plan starts the time limit from it (DemandStore.MilestonesAsync).
    public static async Task InsertAsync(Db db, int count, IReadOnlyList<long> members, DateTimeOffset now)
    {
        await using var connection = await db.OpenAsync();
        var (villager, village, household) = await connection.QuerySingleAsync<(long, long, long)>(
            "SELECT id, village_id, household_id FROM person WHERE household_id IS NOT NULL");
        var assignedAt = now.AddHours(-1);
        for (var first = 0; first < count; first += RowsPerInsert)
        {
            var rows = Math.Min(RowsPerInsert, count - first);
            var args = new DynamicParameters(new
            {
                villager, village, household, text = "村口的路灯坏了", category = Category.Power.Code(), colour = Colour.Green.Code(),
                status = nameof(DemandStatus.Accepted), level = nameof(EscalationLevel.Member), version = Version, at = assignedAt.UtcDateTime,
            });
            var sql = new StringBuilder("""
                INSERT INTO demand (code, villager_id, village_id, household_id, text, category, colour, confidence, model_version,
                  status, level, handler_id, deadline_at, version, created_at, updated_at) VALUES
                """);
            for (var r = 0; r < rows; r++)
            {
                var n = first + r;
                sql.Append(r == 0 ? "\n" : ",\n").Append($"(@c{r}, @villager, @village, @household, @text, @category, @colour, 0.9, 'bench', ")
                    .Append($"@status, @level, @h{r}, @d{r}, @version, @at, @at)");
                args.Add($"c{r}", $"B{n + 1:D9}");
                args.Add($"h{r}", members[n % members.Count]);
                // Deadlines spread over a week, so the store holds triggers due at every hour, as in life.
                args.Add($"d{r}", (now + TimeSpan.FromDays(1) + TimeSpan.FromSeconds(n * 7L % 604_800)).UtcDateTime);
            }
            await connection.ExecuteAsync(sql.ToString(), args, commandTimeout: 120);
        }
        await connection.ExecuteAsync("""
            INSERT INTO demand_event (demand_id, kind, actor_role, status, level, handler_id, version, at)
            SELECT id, 'Assigned', 'System', 'Assigned', level, handler_id, version - 1, created_at FROM demand
            """, commandTimeout: 300);
    }
}
