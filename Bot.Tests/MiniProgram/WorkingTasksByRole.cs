using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bot.Domain.Demands;
using static Bot.Tests.MiniProgram.MiniProgramBot;

namespace Bot.Tests.MiniProgram;

// Party members, secretaries and the district office: their moves, and what each role may reach.
public sealed class WorkingTasksByRole(MiniProgramBot bot) : IClassFixture<MiniProgramBot>
{
    [Fact]
    public async Task A_member_accepts_reports_progress_with_photos_and_resolves_and_the_villager_hears_each_step()
    {
        var member = await bot.SignInAsync(Li);
        var demand = await bot.SubmitAsync(Zhang, "俺家门口那盏路灯坏了三天了");
        var file = new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xDB, 1, 2]);
        using var form = new MultipartFormDataContent { { file, "file", "proof.jpg" } };
        var photo = (await JsonAsync(await member.PostAsync("/api/mp/media", form))).GetProperty("id").GetString();

        var accepted = await member.PostAsync($"/api/mp/tasks/{demand.Id}/accept", null);
        var progress = await member.PostAsJsonAsync($"/api/mp/tasks/{demand.Id}/progress", new { text = "已联系电工，明天来换" });
        var resolved = await member.PostAsJsonAsync($"/api/mp/tasks/{demand.Id}/resolve", new { text = "换了新灯泡", photoIds = new[] { photo } });
        var again = await member.PostAsync($"/api/mp/tasks/{demand.Id}/accept", null);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], new[] { accepted.StatusCode, progress.StatusCode, resolved.StatusCode });
        Assert.Equal("resolved", (await JsonAsync(resolved)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var kinds = await bot.Database.QueryAsync<string>("SELECT kind FROM outbox WHERE idempotency_key LIKE CONCAT('demand:', @Id, ':%') ORDER BY id", new { demand.Id });
        Assert.Equal(["demand-accepted", "demand-progress", "demand-resolved"], kinds);
        Assert.Equal("proof", await bot.Database.ScalarAsync<string>("SELECT purpose FROM demand_photo WHERE demand_id = @Id", new { demand.Id }));
    }

    [Fact]
    public async Task My_tasks_come_most_urgent_first_and_newest_first_on_request()
    {
        var member = await bot.SignInAsync(Li);
        var green = await bot.SubmitAsync(Zhang, "路灯不亮", colour: Colour.Green);
        var orange = await bot.SubmitAsync(Zhang, "盼着把土路修成水泥路", category: Category.Roads, colour: Colour.Orange);

        var byDeadline = await member.GetFromJsonAsync<JsonElement>("/api/mp/tasks?pageSize=100");
        var newest = await member.GetFromJsonAsync<JsonElement>("/api/mp/tasks?sort=newest&pageSize=100");
        var bad = await member.GetAsync("/api/mp/tasks?sort=colour");

        List<long> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetInt64()).ToList();
        Assert.True(Ids(byDeadline).IndexOf(green.Id) < Ids(byDeadline).IndexOf(orange.Id));
        Assert.True(Ids(newest).IndexOf(orange.Id) < Ids(newest).IndexOf(green.Id));
        var deadlines = byDeadline.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("deadlineAt").GetDateTimeOffset()).ToList();
        Assert.Equal(deadlines.Order(), deadlines);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task A_member_gets_403_for_a_task_outside_their_grids_and_a_villager_403_for_the_task_list()
    {
        var otherMember = await bot.SignInAsync(Zhao);
        var villager = await bot.SignInAsync(Liu);
        var demand = await bot.SubmitAsync(Zhang, "路灯坏了");

        var look = await otherMember.GetAsync($"/api/mp/tasks/{demand.Id}");
        var accept = await otherMember.PostAsync($"/api/mp/tasks/{demand.Id}/accept", null);
        var missing = await otherMember.GetAsync("/api/mp/tasks/99999999");
        var tasks = await villager.GetAsync("/api/mp/tasks");

        Assert.Equal(HttpStatusCode.Forbidden, look.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, accept.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, tasks.StatusCode);
        Assert.Equal("application/problem+json", tasks.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Assigned", await bot.Database.ScalarAsync<string>("SELECT status FROM demand WHERE id = @Id", new { demand.Id }));
    }

    [Fact]
    public async Task Escalating_hands_the_task_to_the_secretary_and_transferring_to_another_member_by_phone()
    {
        var member = await bot.SignInAsync(Li);
        var up = await bot.SubmitAsync(Zhang, "一组到镇上那条土路坑坑洼洼", category: Category.Roads, colour: Colour.Orange);
        var over = await bot.SubmitAsync(Zhang, "巷子口的垃圾没人收", category: Category.Sanitation);

        var escalated = await member.PostAsJsonAsync($"/api/mp/tasks/{up.Id}/escalate", new { text = "需要立项修路" });
        var noReason = await member.PostAsJsonAsync($"/api/mp/tasks/{over.Id}/escalate", new { text = "" });
        var unknownPhone = await member.PostAsJsonAsync($"/api/mp/tasks/{over.Id}/transfer", new { toPhone = "13999999999" });
        var toVillager = await member.PostAsJsonAsync($"/api/mp/tasks/{over.Id}/transfer", new { toPhone = Liu });
        var transferred = await member.PostAsJsonAsync($"/api/mp/tasks/{over.Id}/transfer", new { toPhone = Zhao, note = "二组那边顺路" });

        Assert.Equal("village", (await JsonAsync(escalated)).GetProperty("level").GetString());
        Assert.Equal(await bot.PersonAsync(Wang), await bot.Database.ScalarAsync<long>("SELECT handler_id FROM demand WHERE id = @Id", new { up.Id }));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await JsonAsync(unknownPhone)).GetProperty("errors").TryGetProperty("toPhone", out _));
        Assert.Equal(HttpStatusCode.BadRequest, toVillager.StatusCode);
        Assert.Equal(HttpStatusCode.OK, transferred.StatusCode);
        Assert.Equal(await bot.PersonAsync(Zhao), await bot.Database.ScalarAsync<long>("SELECT handler_id FROM demand WHERE id = @Id", new { over.Id }));
    }

    [Fact]
    public async Task A_secretary_triages_relabels_and_assigns_within_their_village_only()
    {
        var wang = await bot.SignInAsync(Wang);
        var cao = await bot.SignInAsync(Cao);
        var member = await bot.SignInAsync(Li);
        var unclear = await bot.SubmitAsync(Zhang, "那个事情俺还想问问", confident: false, category: Category.Other);

        var queue = await wang.GetFromJsonAsync<JsonElement>("/api/mp/village/triage?pageSize=100");
        var othersQueue = await cao.GetFromJsonAsync<JsonElement>("/api/mp/village/triage?pageSize=100");
        var caoRelabel = await cao.PostAsJsonAsync($"/api/mp/village/demands/{unclear.Id}/relabel", new { category = "water", colour = "blue" });
        var badCodes = await wang.PostAsJsonAsync($"/api/mp/village/demands/{unclear.Id}/relabel", new { category = "pipes", colour = "red" });
        var relabelled = await wang.PostAsJsonAsync($"/api/mp/village/demands/{unclear.Id}/relabel", new { category = "water", colour = "blue" });
        var assigned = await wang.PostAsJsonAsync($"/api/mp/village/demands/{unclear.Id}/assign", new { toPhone = Li });
        var memberTriage = await member.GetAsync("/api/mp/village/triage");

        Assert.Contains(unclear.Id, queue.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetInt64()));
        Assert.DoesNotContain(unclear.Id, othersQueue.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetInt64()));
        Assert.Equal(HttpStatusCode.Forbidden, caoRelabel.StatusCode);
        var errors = (await JsonAsync(badCodes)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("category", out _) && errors.TryGetProperty("colour", out _));
        var labels = await JsonAsync(relabelled);
        Assert.Equal(("water", "blue"), (labels.GetProperty("category").GetString(), labels.GetProperty("colour").GetString()));
        Assert.Equal(1, await bot.Database.ScalarAsync<int>("SELECT COUNT(*) FROM classifier_correction WHERE demand_id = @Id", new { unclear.Id }));
        var handed = await JsonAsync(assigned);
        Assert.Equal(("assigned", "member"), (handed.GetProperty("status").GetString(), handed.GetProperty("level").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, memberTriage.StatusCode);
    }

    [Fact]
    public async Task The_village_ledger_shows_a_secretary_their_village_and_the_district_office_sees_everything()
    {
        var here = await bot.SubmitAsync(Zhang, "路灯坏了");
        var there = await bot.SubmitAsync("13931925449", "村里的路灯坏了");
        var wang = await bot.SignInAsync(Wang);
        var xu = await bot.SignInAsync(Xu);

        async Task<List<string?>> CodesAsync(HttpClient client) =>
            (await client.GetFromJsonAsync<JsonElement>("/api/mp/village/ledger?pageSize=100")).GetProperty("items").EnumerateArray()
            .Select(r => r.GetProperty("code").GetString()).ToList();
        var wangs = await CodesAsync(wang);
        var xus = await CodesAsync(xu);

        Assert.Contains(here.Code, wangs);
        Assert.DoesNotContain(there.Code, wangs);
        Assert.Contains(here.Code, xus);
        Assert.Contains(there.Code, xus);
        Assert.Equal(HttpStatusCode.OK, (await xu.GetAsync($"/api/mp/tasks/{there.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await wang.GetAsync($"/api/mp/tasks/{there.Id}")).StatusCode);
    }
}
