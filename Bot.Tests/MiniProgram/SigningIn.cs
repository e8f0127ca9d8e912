using System.Net;
using System.Net.Http.Json;
using Bot.Domain.Outbox;
using Bot.Tests.Simulator;
using Microsoft.Extensions.DependencyInjection;
using static Bot.Tests.MiniProgram.MiniProgramBot;

namespace Bot.Tests.MiniProgram;

// POST /api/mp/login through the simulator's jscode2session, sessions, logout and subscribe consents.
public sealed class SigningIn(MiniProgramBot bot) : IClassFixture<MiniProgramBot>
{
    async Task<HttpResponseMessage> LoginAsync(string persona) =>
        await bot.CreateClient().PostAsJsonAsync("/api/mp/login", new { code = await bot.Simulator.WxLoginAsync(persona) });

    [Fact]
    public async Task A_unionid_joins_the_mini_program_user_to_the_person_the_official_account_knows()
    {
        var zhang = await bot.PersonAsync(Zhang);
        await bot.Database.ScalarAsync<int>("UPDATE wechat_identity SET unionid = 'uDemoVillager0001' WHERE person_id = @zhang; SELECT 1", new { zhang });

        var response = await LoginAsync(RunningSimulator.Villager);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(zhang, body.GetProperty("me").GetProperty("personId").GetInt64());
        Assert.Equal("villager", body.GetProperty("me").GetProperty("role").GetString());
        Assert.Equal("oMpDemoVillager0001", await bot.Database.ScalarAsync<string>("SELECT mp_openid FROM wechat_identity WHERE person_id = @zhang", new { zhang }));
        var me = await bot.ClientWith(body.GetProperty("token").GetString()!).GetFromJsonAsync<System.Text.Json.JsonElement>("/api/mp/me");
        Assert.Equal("张大爷", me.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_stranger_becomes_an_unbound_person_and_the_same_one_on_the_next_login()
    {
        var first = await JsonAsync(await LoginAsync("oMpStranger0001"));
        var second = await JsonAsync(await LoginAsync("oMpStranger0001"));

        var id = first.GetProperty("me").GetProperty("personId").GetInt64();
        Assert.Equal(id, second.GetProperty("me").GetProperty("personId").GetInt64());
        Assert.False(first.GetProperty("me").GetProperty("onRoster").GetBoolean());
        Assert.Equal("uStranger0001", await bot.Database.ScalarAsync<string>("SELECT unionid FROM wechat_identity WHERE person_id = @id", new { id }));
        Assert.NotEqual(first.GetProperty("token").GetString(), second.GetProperty("token").GetString());
    }

    [Fact]
    public async Task The_token_is_stored_only_as_its_hash_and_no_session_key_is_kept()
    {
        var token = (await JsonAsync(await LoginAsync(RunningSimulator.Member))).GetProperty("token").GetString()!;

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
        Assert.Equal(1, await bot.Database.ScalarAsync<int>("SELECT COUNT(*) FROM mp_session WHERE token_hash = @hash", new { hash }));
        Assert.Equal(0, await bot.Database.ScalarAsync<int>("SELECT COUNT(*) FROM mp_session WHERE token_hash = @token", new { token }));
        Assert.Equal(0, await bot.Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE() AND column_name LIKE '%session%key%'"));
    }

    [Fact]
    public async Task A_reused_code_gets_a_401_problem_with_a_sentence()
    {
        var code = await bot.Simulator.WxLoginAsync("oDemoSecretary0001");
        var client = bot.CreateClient();

        var first = await client.PostAsJsonAsync("/api/mp/login", new { code });
        var again = await client.PostAsJsonAsync("/api/mp/login", new { code });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Contains("wx.login", (await JsonAsync(again)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unknown_or_empty_code_is_refused()
    {
        var client = bot.CreateClient();

        var unknown = await client.PostAsJsonAsync("/api/mp/login", new { code = "never-issued" });
        var empty = await client.PostAsJsonAsync("/api/mp/login", new { code = "" });

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await JsonAsync(empty)).GetProperty("errors").TryGetProperty("code", out _));
    }

    [Fact]
    public async Task After_logout_the_token_no_longer_works()
    {
        var client = bot.ClientWith((await JsonAsync(await LoginAsync("oDemoSecretary0001"))).GetProperty("token").GetString()!);

        var before = await client.GetAsync("/api/mp/demands");
        var logout = await client.PostAsync("/api/mp/logout", null);
        var after = await client.GetAsync("/api/mp/demands");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("application/problem+json", after.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_expired_session_is_refused()
    {
        var client = await bot.SignInAsync(Liu);
        await bot.Database.ScalarAsync<int>("UPDATE mp_session SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE person_id = @liu; SELECT 1",
            new { liu = await bot.PersonAsync(Liu) });

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/mp/me")).StatusCode);
    }

    [Fact]
    public async Task One_time_consents_are_counted_and_spent_long_term_ones_are_not()
    {
        var client = await bot.SignInAsync(Zhang);
        var zhang = await bot.PersonAsync(Zhang);
        var consents = bot.Services.GetRequiredService<SubscribeConsentStore>();

        var recorded = await client.PostAsJsonAsync("/api/mp/subscriptions",
            new { accepted = new[] { "SUB_DEMAND_DONE", "SUB_DEMAND_DONE" }, longTerm = new[] { "SUB_DEMAND_PROGRESS" } });
        var spent = new[]
        {
            await consents.TrySpendAsync(zhang, "SUB_DEMAND_DONE"), await consents.TrySpendAsync(zhang, "SUB_DEMAND_DONE"),
            await consents.TrySpendAsync(zhang, "SUB_DEMAND_DONE"),
        };
        var longTerm = new[] { await consents.TrySpendAsync(zhang, "SUB_DEMAND_PROGRESS"), await consents.TrySpendAsync(zhang, "SUB_DEMAND_PROGRESS") };

        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Equal(new[] { true, true, false }, spent);
        Assert.Equal(new[] { true, true }, longTerm);
        Assert.False(await consents.TrySpendAsync(zhang, "SUB_DEMAND_ACCEPTED"));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/mp/subscriptions", new { accepted = Array.Empty<string>() })).StatusCode);
    }

    [Fact]
    public async Task Calls_without_a_token_get_a_401_problem()
    {
        var response = await bot.CreateClient().GetAsync("/api/mp/tasks");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }
}
