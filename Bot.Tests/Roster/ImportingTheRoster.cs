using System.Net;
using System.Net.Http.Json;
using System.Text;
using Bot.Domain.Roster;
using Microsoft.AspNetCore.Mvc;

namespace Bot.Tests.Roster;

public sealed class ImportingTheRoster : IAsyncLifetime
{
    readonly TestDatabase database = new();

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        await database.MigrateAsync();
    }

    public Task DisposeAsync() => database.DisposeAsync();

    RosterImporter Importer => new(database.Db, TimeProvider.System);

    static readonly string RepoDemo = Path.Combine(AppContext.BaseDirectory, "demo");

    static (string, byte[]) Demo(string name) => (name, File.ReadAllBytes(Path.Combine(RepoDemo, name)));

    static (string, byte[]) Csv(string name, string text, bool bom = false) =>
        (name, (bom ? Encoding.UTF8.GetPreamble() : []).Concat(Encoding.UTF8.GetBytes(text)).ToArray());

    const string Places = "district,town,village,village_code,grid\n示范区,中和镇,桥头村,qiaotou,一组\n示范区,中和镇,桥头村,qiaotou,二组\n";

    async Task<string> SnapshotAsync() => string.Join("|", await database.QueryAsync<string>("""
        SELECT CONCAT_WS(',', (SELECT COUNT(*) FROM district), (SELECT COUNT(*) FROM town), (SELECT COUNT(*) FROM village),
          (SELECT COUNT(*) FROM grid), (SELECT COUNT(*) FROM household), (SELECT COUNT(*) FROM person),
          (SELECT COUNT(*) FROM person_role), (SELECT COUNT(*) FROM grid_leader))
        """));

    [Fact]
    public async Task The_demo_roster_imports_and_importing_it_again_changes_nothing()
    {
        var files = new[] { Demo("roster-places.csv"), Demo("roster-people.csv") };

        var first = await Importer.ImportAsync(files);
        var before = await SnapshotAsync();
        var second = await Importer.ImportAsync(files);

        Assert.True(first.Created > 100);
        Assert.True(second.ChangedNothing, $"second import changed {second}");
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(60, await database.ScalarAsync<int>("SELECT COUNT(*) FROM household"));
        Assert.Equal(5, await database.ScalarAsync<int>("SELECT COUNT(*) FROM grid_leader"));
    }

    [Fact]
    public async Task A_file_with_a_bom_imports_like_one_without()
    {
        var result = await Importer.ImportAsync([Csv("places.csv", Places, bom: true)]);

        Assert.Equal(2, await database.ScalarAsync<int>("SELECT COUNT(*) FROM grid"));
        Assert.Equal("桥头村", await database.ScalarAsync<string>("SELECT name FROM village"));
        Assert.True(result.Created >= 5);
    }

    [Theory]
    [InlineData("district,town,village,grid,household,name\n示范区,中和镇,桥头村,一组,1号,张三\n", 1, "missing column(s): phone, role")]
    [InlineData("district,town,village,grid,household,name,phone,role\n示范区,中和镇,桥头村,一组,1号,张三,13800000001,villager\n示范区,中和镇,桥头村,一组,2号,李四,13800000001,villager\n", 3, "duplicate phone 138****0001")]
    [InlineData("district,town,village,grid,household,name,phone,role\n示范区,中和镇,桥头村,一组,1号,张三,13800000001,villager\n示范区,中和镇,无名村,一组,2号,李四,13800000002,villager\n", 3, "unknown village '无名村'")]
    [InlineData("district,town,village,grid,household,name,phone,role\n示范区,中和镇,桥头村,一组,1号,张三,12345,villager\n", 2, "not an 11-digit mainland mobile")]
    [InlineData("district,town,village,grid,household,name,phone,role\n示范区,中和镇,桥头村,一组,1号,张三,13800000001,mayor\n", 2, "unknown role 'mayor'")]
    public async Task A_bad_row_rejects_the_whole_file_with_its_line_number_and_writes_nothing(string people, int line, string reason)
    {
        await Importer.ImportAsync([Csv("places.csv", Places)]);
        var before = await SnapshotAsync();

        var rejected = await Assert.ThrowsAsync<RosterRejected>(() => Importer.ImportAsync([Csv("people.csv", people)]));

        var problem = Assert.Single(rejected.Problems);
        Assert.Equal(("people.csv", line), (problem.File, problem.Line));
        Assert.Contains(reason, problem.Reason);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Bad_encoding_is_reported_with_the_line_of_the_first_bad_byte()
    {
        var bytes = Encoding.UTF8.GetBytes("district,town,village,village_code,grid\n示范区,中和镇,桥头村,qiaotou,一组\n")
            .Concat(new byte[] { 0xCA, 0xBE, 0xB7, 0xB6, (byte)',' }) // GBK bytes, as Excel saves "CSV" on Chinese Windows
            .Concat(Encoding.UTF8.GetBytes("中和镇,桥头村,qiaotou,二组\n")).ToArray();

        var rejected = await Assert.ThrowsAsync<RosterRejected>(() => Importer.ImportAsync([("places.csv", bytes)]));

        var problem = Assert.Single(rejected.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains("not valid UTF-8", problem.Reason);
        Assert.Equal(0, await database.ScalarAsync<int>("SELECT COUNT(*) FROM district"));
    }

    [Fact]
    public async Task A_good_places_file_beside_a_bad_people_file_is_not_half_written()
    {
        var people = "district,town,village,grid,household,name,phone,role\n示范区,中和镇,桥头村,九组,1号,张三,13800000001,villager\n";

        var rejected = await Assert.ThrowsAsync<RosterRejected>(() =>
            Importer.ImportAsync([Csv("places.csv", Places), Csv("people.csv", people)]));

        Assert.Contains("unknown grid '九组'", Assert.Single(rejected.Problems).Reason);
        Assert.Equal(0, await database.ScalarAsync<int>("SELECT COUNT(*) FROM village"));
    }
}

public sealed class TheRosterEndpoint(BotApp app) : IClassFixture<BotApp>
{
    [Fact]
    public async Task Needs_the_admin_key()
    {
        var response = await app.CreateClient().PostAsync("/api/admin/roster", new StringContent(""));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Imports_multipart_files_and_reports_a_rejected_one_by_line()
    {
        var client = app.AdminClient();
        var good = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes("district,town,village,village_code,grid\n示范区,中和镇,河湾村,hewan,一组\n")), "files", "places.csv" },
        };
        var bad = new StringContent("district,town,village,grid,household,name,phone,role\n示范区,中和镇,河湾村,一组,1号,王五,1380000,villager\n",
            Encoding.UTF8, "text/csv");

        var imported = await client.PostAsync("/api/admin/roster", good);
        var rejected = await client.PostAsync("/api/admin/roster", bad);

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(4, (await imported.Content.ReadFromJsonAsync<RosterImportResult>())!.Created);
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        var problem = await rejected.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains("roster.csv:2", problem!.Errors.Keys);
    }
}
