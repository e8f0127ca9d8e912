using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bot.Domain.Demands;
using Bot.Domain.Roster;
using Bot.Tests.Simulator;
using static Bot.Tests.MiniProgram.MiniProgramBot;

namespace Bot.Tests.MiniProgram;

// The echo wall, the statistics, the admin ledger and its CSV, time limits and the OpenAPI document.
public sealed class PublicPagesAndTheLedger(MiniProgramBot bot) : IClassFixture<MiniProgramBot>
{
    // A resolved demand whose text and resolve note both carry a phone number.
    async Task<Demand> ResolvedAsync(string text, string note, Category category = Category.Power, string? rating = "satisfied")
    {
        var demand = await bot.SubmitAsync(Zhang, text, category: category);
        var member = await bot.SignInAsync(Li);
        (await member.PostAsync($"/api/mp/tasks/{demand.Id}/accept", null)).EnsureSuccessStatusCode();
        (await member.PostAsJsonAsync($"/api/mp/tasks/{demand.Id}/resolve", new { text = note })).EnsureSuccessStatusCode();
        if (rating is not null)
            (await (await bot.SignInAsync(Zhang)).PostAsJsonAsync($"/api/mp/demands/{demand.Id}/rating", new { value = rating })).EnsureSuccessStatusCode();
        return demand;
    }

    [Fact]
    public async Task The_echo_wall_masks_names_and_numbers_and_shows_disputes_and_welfare_only_as_counts()
    {
        var lamp = await ResolvedAsync("路灯坏了，有事打我电话13812345678", "已换灯泡，电工电话 139 8765 4321", rating: "satisfied");
        var quarrel = await ResolvedAsync("和邻居因为院墙吵架了", "已调解", Category.Dispute, rating: null);

        var response = await bot.CreateClient().GetAsync("/api/public/echo-wall?village=kuizhuang&pageSize=100");
        var wall = await JsonAsync(response);

        var item = wall.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == lamp.Code);
        Assert.Equal("张**", item.GetProperty("villager").GetString());
        Assert.Equal("联户党员", item.GetProperty("handledBy").GetString());
        Assert.Equal("satisfied", item.GetProperty("rating").GetString());
        Assert.Equal("power", item.GetProperty("category").GetString());
        Assert.StartsWith("已换灯泡", item.GetProperty("result").GetString());
        Assert.DoesNotContain(wall.GetProperty("items").EnumerateArray(), i => i.GetProperty("code").GetString() == quarrel.Code);
        Assert.True(wall.GetProperty("sensitiveCounts").GetProperty("dispute").GetInt64() >= 1);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("张大爷", body);
        Assert.DoesNotContain("8765", body);
        Assert.Equal(HttpStatusCode.NotFound, (await bot.CreateClient().GetAsync("/api/public/echo-wall?village=nowhere")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await bot.CreateClient().GetAsync("/api/public/echo-wall")).StatusCode);
    }

    [Fact]
    public async Task No_public_response_carries_a_phone_number_or_an_openid()
    {
        await ResolvedAsync("水管漏了，联系13812345678或者１３９８７６５４３２１", "修好了，有问题打15012345678", Category.Water);
        var client = bot.CreateClient();
        var pages = new[]
        {
            "/api/public/echo-wall?village=kuizhuang&pageSize=100", "/api/public/echo-wall?village=cangfang",
            "/api/public/stats", "/api/public/stats?village=kuizhuang", "/api/public/stats?town=承留镇", "/api/public/stats?district=济源示范区",
        };
        var openIds = await bot.Database.QueryAsync<string>("SELECT oa_openid FROM wechat_identity WHERE oa_openid IS NOT NULL");

        foreach (var page in pages)
        {
            var response = await client.GetAsync(page);
            var body = System.Text.RegularExpressions.Regex.Unescape(await response.Content.ReadAsStringAsync())
                .Normalize(System.Text.NormalizationForm.FormKC);
            Assert.True(response.IsSuccessStatusCode, page);
            Assert.DoesNotMatch(new Regex(@"1[3-9]\d{9}"), body);
            Assert.DoesNotMatch(new Regex(@"\bo[A-Za-z0-9_-]{10,}"), body);
            Assert.All(openIds.Append(RunningSimulator.VillagerMp), id => Assert.DoesNotContain(id, body));
        }
    }

    [Fact]
    public async Task Stats_count_collected_settled_on_time_and_satisfied_per_place_colour_and_category()
    {
        var before = await bot.CreateClient().GetFromJsonAsync<JsonElement>("/api/public/stats?village=cangfang");
        var resident = "18074137484";
        var settled = await bot.SubmitAsync(resident, "村里的井水浑了", category: Category.Water, colour: Colour.Blue);
        await bot.SubmitAsync(resident, "东头的路灯不亮", category: Category.Power, colour: Colour.Green);
        var member = await bot.PersonAsync("15042935575");
        await bot.Database.ScalarAsync<int>("UPDATE demand SET status = 'Closed' WHERE id = @Id; SELECT 1", new { settled.Id });
        await bot.Database.ScalarAsync<int>("""
            INSERT INTO demand_event (demand_id, kind, actor_role, status, level, note, version, at)
            VALUES (@Id, 'Resolved', 'PartyMember', 'Resolved', 'Member', '换了滤芯', 9, UTC_TIMESTAMP(6));
            INSERT INTO rating (demand_id, villager_id, value, rated_at) VALUES (@Id, @VillagerId, 'BasicallySatisfied', UTC_TIMESTAMP(6));
            SELECT 1
            """, new { settled.Id, settled.VillagerId });

        var after = await bot.CreateClient().GetFromJsonAsync<JsonElement>("/api/public/stats?village=cangfang");

        int Count(JsonElement s, string path, string field) => path.Split('.').Aggregate(s, (e, p) => e.GetProperty(p)).GetProperty(field).GetInt32();
        Assert.Equal(2, Count(after, "total", "collected") - Count(before, "total", "collected"));
        Assert.Equal(1, Count(after, "total", "settled") - Count(before, "total", "settled"));
        Assert.Equal(1, Count(after, "byColour.blue", "settled") - Count(before, "byColour.blue", "settled"));
        Assert.Equal(1, Count(after, "byCategory.water", "onTime") - Count(before, "byCategory.water", "onTime"));
        Assert.Equal(1, Count(after, "byCategory.water", "satisfied") - Count(before, "byCategory.water", "satisfied"));
        var water = after.GetProperty("byCategory").GetProperty("water");
        Assert.Equal((double)water.GetProperty("settled").GetInt32() / water.GetProperty("collected").GetInt32(),
            water.GetProperty("settlementRate").GetDouble(), 3);
        Assert.NotEqual(0, member);
        Assert.Equal(HttpStatusCode.BadRequest, (await bot.CreateClient().GetAsync("/api/public/stats?from=2026-05-01&to=2026-04-01")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await bot.CreateClient().GetAsync("/api/public/stats?village=kuizhuang&town=承留镇")).StatusCode);
    }

    [Fact]
    public async Task The_ledger_csv_opens_back_to_the_same_rows_as_the_json()
    {
        await ResolvedAsync("路灯坏了, \"很久\"了\n晚上看不见", "=换了灯泡");
        var admin = bot.AdminClient();

        var json = await admin.GetFromJsonAsync<JsonElement>("/api/admin/ledger?village=kuizhuang&pageSize=100");
        var response = await admin.GetAsync("/api/admin/ledger?village=kuizhuang&format=csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = Csv.Read(Csv.Decode(bytes)).ToList();
        var items = json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(items.Count, rows.Count - 1);
        Assert.Equal(json.GetProperty("total").GetInt64(), items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var (row, item) = (rows[i + 1].Fields, items[i]);
            Assert.Equal(item.GetProperty("code").GetString(), row[0]);
            Assert.Equal(item.GetProperty("category").GetString() ?? "", row[5]);
            Assert.Equal(item.GetProperty("status").GetString(), row[7]);
            Assert.Equal(item.GetProperty("villager").GetString(), row[9]);
            Assert.Equal(item.GetProperty("text").GetString(), row[16]);
            Assert.Equal(TimeZoneInfo.ConvertTime(item.GetProperty("createdAt").GetDateTimeOffset(), DemandCode.China).ToString("yyyy-MM-dd HH:mm:ss"), row[1]);
        }
        Assert.Contains(rows, r => r.Fields[14] == "'=换了灯泡");
    }

    [Fact]
    public async Task The_ledger_filters_and_pages_and_checks_its_input()
    {
        var blue = await bot.SubmitAsync(Zhang, "自来水停了", category: Category.Water, colour: Colour.Blue);
        var admin = bot.AdminClient();

        var filtered = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/ledger?colour=blue&category=water&status=assigned&handler={blue.HandlerId}&from={DateTime.UtcNow.AddDays(-1):yyyy-MM-dd}&pageSize=100");
        var paged = await admin.GetFromJsonAsync<JsonElement>("/api/admin/ledger?pageSize=1&page=2");
        var bad = await admin.GetAsync("/api/admin/ledger?colour=purple&status=lost&pageSize=500");

        var items = filtered.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, r => r.GetProperty("code").GetString() == blue.Code);
        Assert.All(items, r => Assert.Equal(("blue", "water", "assigned"),
            (r.GetProperty("colour").GetString(), r.GetProperty("category").GetString(), r.GetProperty("status").GetString())));
        Assert.Single(paged.GetProperty("items").EnumerateArray());
        var errors = (await JsonAsync(bad)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("colour", out _) && errors.TryGetProperty("status", out _) && errors.TryGetProperty("pageSize", out _));
    }

    [Fact]
    public async Task Admin_calls_take_the_key_or_a_district_officer_and_refuse_everyone_else()
    {
        var anonymous = await bot.CreateClient().GetAsync("/api/admin/time-limits");
        var secretary = await (await bot.SignInAsync(Wang)).GetAsync("/api/admin/ledger");
        var district = await (await bot.SignInAsync(Xu)).GetAsync("/api/admin/ledger");
        var administrator = await (await bot.SignInAsync(MiniProgramBot.Admin)).GetAsync("/api/admin/time-limits");
        var limits = await bot.AdminClient().GetFromJsonAsync<JsonElement>("/api/admin/time-limits");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, secretary.StatusCode);
        Assert.Equal("application/problem+json", secretary.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, district.StatusCode);
        Assert.Equal(HttpStatusCode.OK, administrator.StatusCode);
        Assert.Equal("1.00:00:00", limits.GetProperty("green").GetProperty("member").GetString());
        Assert.Equal("30.00:00:00", limits.GetProperty("orange").GetProperty("district").GetString());
    }

    [Fact]
    public async Task The_openapi_document_lists_every_audience()
    {
        var doc = await bot.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var path in new[]
        {
            "/api/mp/login", "/api/mp/logout", "/api/mp/subscriptions", "/api/mp/media", "/api/mp/demands", "/api/mp/demands/{id}/rating",
            "/api/mp/tasks", "/api/mp/tasks/{id}/transfer", "/api/mp/village/triage", "/api/mp/village/demands/{id}/assign",
            "/api/public/echo-wall", "/api/public/stats", "/api/admin/ledger", "/api/admin/time-limits",
        })
            Assert.Contains(path, paths);
    }
}
