using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Bot.Domain.Demands;
using static Bot.Tests.MiniProgram.MiniProgramBot;

namespace Bot.Tests.MiniProgram;

// A villager's side: photos, reports, their list and timeline, withdraw and rate.
public sealed class ReportingFromTheMiniProgram(MiniProgramBot bot) : IClassFixture<MiniProgramBot>
{
    static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 2, 3, 4, 5];

    static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName = "photo.jpg")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        using var form = new MultipartFormDataContent { { file, "file", fileName } };
        return await client.PostAsync("/api/mp/media", form);
    }

    [Fact]
    public async Task A_report_with_photos_is_classified_assigned_acknowledged_and_pushed_like_a_chat_report()
    {
        var client = await bot.SignInAsync(Zhang);
        var photo = (await JsonAsync(await UploadAsync(client, Jpeg))).GetProperty("id").GetString();

        var response = await client.PostAsJsonAsync("/api/mp/demands", new
        {
            text = "俺家门口那盏路灯坏了三天了，晚上黑咕隆咚的", photoIds = new[] { photo },
            location = new { latitude = 35.1, longitude = 112.5, label = "一组村口" },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await JsonAsync(response);
        var demand = body.GetProperty("demand");
        var id = demand.GetProperty("id").GetInt64();
        Assert.Equal("assigned", demand.GetProperty("status").GetString());
        Assert.Equal("power", demand.GetProperty("category").GetString());
        Assert.Matches(@"[+-]\d\d:\d\d$", demand.GetProperty("createdAt").GetString());
        Assert.Equal("李建国", body.GetProperty("handlerName").GetString());
        Assert.Contains("138****0002", body.GetProperty("acknowledgement").GetString());
        Assert.Equal(await bot.PersonAsync(Li), await bot.Database.ScalarAsync<long>("SELECT handler_id FROM demand WHERE id = @id", new { id }));
        Assert.Equal(1, await bot.Database.ScalarAsync<int>("SELECT COUNT(*) FROM outbox WHERE idempotency_key LIKE CONCAT('demand:', @id, ':assigned:%')", new { id }));
        var stored = await bot.Database.ScalarAsync<string>("SELECT stored_path FROM demand_photo WHERE demand_id = @id", new { id });
        Assert.Equal(Jpeg, await File.ReadAllBytesAsync(Path.Combine(bot.MediaFolder, stored)));
        Assert.Equal(35.1m, await bot.Database.ScalarAsync<decimal>("SELECT latitude FROM demand WHERE id = @id", new { id }));
    }

    [Fact]
    public async Task Bad_input_gets_field_level_errors_and_changes_nothing()
    {
        var client = await bot.SignInAsync(Zhang);
        var before = await bot.Database.ScalarAsync<int>("SELECT COUNT(*) FROM demand");

        var response = await client.PostAsJsonAsync("/api/mp/demands", new
        {
            text = new string('路', 2001), photoIds = Enumerable.Range(0, 10).Select(i => $"p{i}").ToArray(),
            location = new { latitude = 91, longitude = -181 },
        });
        var empty = await client.PostAsJsonAsync("/api/mp/demands", new { text = "   " });
        var paging = await client.GetAsync("/api/mp/demands?pageSize=101");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        foreach (var field in new[] { "text", "photoIds", "location.latitude", "location.longitude" })
            Assert.True(errors.TryGetProperty(field, out _), field);
        Assert.True((await JsonAsync(empty)).GetProperty("errors").TryGetProperty("text", out _));
        Assert.True((await JsonAsync(paging)).GetProperty("errors").TryGetProperty("pageSize", out _));
        Assert.Equal(before, await bot.Database.ScalarAsync<int>("SELECT COUNT(*) FROM demand"));
    }

    [Fact]
    public async Task Uploads_are_judged_by_their_bytes_and_size_and_used_once()
    {
        var client = await bot.SignInAsync(Zhang);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];
        byte[] webp = [.. "RIFF"u8, 0, 0, 0, 0, .. "WEBP"u8, 0];

        var pdf = await UploadAsync(client, "%PDF-1.7 not a photo"u8.ToArray(), "lamp.jpg");
        var big = await UploadAsync(client, [.. Jpeg, .. new byte[10 * 1024 * 1024]]);
        var pngType = (await JsonAsync(await UploadAsync(client, png, "x.bin"))).GetProperty("contentType").GetString();
        var webpType = (await JsonAsync(await UploadAsync(client, webp))).GetProperty("contentType").GetString();
        var photo = (await JsonAsync(await UploadAsync(client, Jpeg))).GetProperty("id").GetString();
        var first = await client.PostAsJsonAsync("/api/mp/demands", new { text = "巷子口的垃圾好几天没人收了", photoIds = new[] { photo } });
        var reused = await client.PostAsJsonAsync("/api/mp/demands", new { text = "巷子口的垃圾还是没人收", photoIds = new[] { photo } });
        var othersPhoto = await (await bot.SignInAsync(Liu)).PostAsJsonAsync("/api/mp/demands", new { text = "路灯坏了", photoIds = new[] { photo } });

        Assert.Equal(HttpStatusCode.BadRequest, pdf.StatusCode);
        Assert.True((await JsonAsync(pdf)).GetProperty("errors").TryGetProperty("file", out _));
        Assert.True(big.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, big.StatusCode.ToString());
        Assert.Equal(("image/png", "image/webp"), (pngType, webpType));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, othersPhoto.StatusCode);
    }

    [Fact]
    public async Task A_villager_lists_and_reads_their_own_demands_and_gets_404_for_anyone_elses()
    {
        var zhang = await bot.SignInAsync(Zhang);
        var liu = await bot.SignInAsync(Liu);
        var mine = await bot.SubmitAsync(Zhang, "自来水停了两天了", category: Category.Water, colour: Colour.Blue);
        var his = await bot.SubmitAsync(Liu, "门口的路坑坑洼洼");

        var list = await zhang.GetFromJsonAsync<JsonElement>("/api/mp/demands?pageSize=100");
        var detail = await zhang.GetFromJsonAsync<JsonElement>($"/api/mp/demands/{mine.Id}");
        var other = await zhang.GetAsync($"/api/mp/demands/{his.Id}");
        var withdrawOther = await zhang.PostAsync($"/api/mp/demands/{his.Id}/withdraw", null);

        var codes = list.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("code").GetString()).ToList();
        Assert.Contains(mine.Code, codes);
        Assert.DoesNotContain(his.Code, codes);
        var kinds = detail.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["submitted", "assigned"], kinds);
        Assert.Equal("water", detail.GetProperty("demand").GetProperty("category").GetString());
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, withdrawOther.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await liu.GetAsync($"/api/mp/demands/{his.Id}")).StatusCode);
    }

    [Fact]
    public async Task Withdrawing_works_once_then_is_a_409()
    {
        var client = await bot.SignInAsync(Zhang);
        var demand = await bot.SubmitAsync(Zhang, "邻居家的狗老是半夜叫", category: Category.Dispute);

        var first = await client.PostAsync($"/api/mp/demands/{demand.Id}/withdraw", null);
        var second = await client.PostAsync($"/api/mp/demands/{demand.Id}/withdraw", null);

        Assert.Equal("withdrawn", (await JsonAsync(first)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Rating_a_resolved_demand_closes_it_and_not_satisfied_reopens_it_one_level_up()
    {
        var client = await bot.SignInAsync(Zhang);
        var member = await bot.SignInAsync(Li);
        var happy = await bot.SubmitAsync(Zhang, "村口的路灯坏了好几天了");
        var unhappy = await bot.SubmitAsync(Zhang, "巷子里的路灯也不亮了");
        foreach (var d in new[] { happy, unhappy })
        {
            (await member.PostAsync($"/api/mp/tasks/{d.Id}/accept", null)).EnsureSuccessStatusCode();
            (await member.PostAsJsonAsync($"/api/mp/tasks/{d.Id}/resolve", new { text = "换了新灯泡" })).EnsureSuccessStatusCode();
        }

        var early = await client.PostAsJsonAsync($"/api/mp/demands/{happy.Id}/rating", new { value = "great" });
        var closed = await client.PostAsJsonAsync($"/api/mp/demands/{happy.Id}/rating", new { value = "basicallySatisfied", comment = "修得挺快" });
        var reopened = await client.PostAsJsonAsync($"/api/mp/demands/{unhappy.Id}/rating", new { value = "notSatisfied", comment = "还是不亮" });

        Assert.True((await JsonAsync(early)).GetProperty("errors").TryGetProperty("value", out _));
        Assert.Equal("closed", (await JsonAsync(closed)).GetProperty("status").GetString());
        var again = await JsonAsync(reopened);
        Assert.Equal(("assigned", "village"), (again.GetProperty("status").GetString(), again.GetProperty("level").GetString()));
        Assert.Equal("修得挺快", await bot.Database.ScalarAsync<string>("SELECT comment FROM rating WHERE demand_id = @Id", new { happy.Id }));
    }
}
