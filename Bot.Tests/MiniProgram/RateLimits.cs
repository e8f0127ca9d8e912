using System.Net;
using System.Net.Http.Json;
using Bot.Tests.Simulator;
using static Bot.Tests.MiniProgram.MiniProgramBot;

namespace Bot.Tests.MiniProgram;

[Collection(TimingSensitive.Name)]
public sealed class ThrottledBot : MiniProgramBot
{
    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["MiniProgram:LoginPerIp:Permits"] = "3";
        settings["MiniProgram:ReportPerUser:Permits"] = "2";
        return settings;
    }
}

// Logins per address and reports per user meet their limits with a 429 problem and Retry-After.
public sealed class RateLimits(ThrottledBot bot) : IClassFixture<ThrottledBot>
{
    [Fact]
    public async Task The_fourth_login_in_a_minute_from_one_address_gets_429_with_retry_after()
    {
        var client = bot.CreateClient();
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
            answers.Add(await client.PostAsJsonAsync("/api/mp/login", new { code = await bot.Simulator.WxLoginAsync(RunningSimulator.Member) }));

        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var refused = answers[3];
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
    }

    [Fact]
    public async Task A_third_report_within_the_hour_is_refused_for_that_user_only()
    {
        var zhang = await bot.SignInAsync(Zhang);
        var liu = await bot.SignInAsync(Liu);
        var before = await bot.Database.ScalarAsync<int>("SELECT COUNT(*) FROM demand");

        var answers = new List<HttpStatusCode>();
        foreach (var text in new[] { "路灯坏了", "垃圾没人收", "水管漏了" })
            answers.Add((await zhang.PostAsJsonAsync("/api/mp/demands", new { text })).StatusCode);
        var third = await zhang.PostAsJsonAsync("/api/mp/demands", new { text = "还是漏水" });
        var other = await liu.PostAsJsonAsync("/api/mp/demands", new { text = "路灯坏了" });

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.NotNull(third.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.Equal(before + 3, await bot.Database.ScalarAsync<int>("SELECT COUNT(*) FROM demand"));
    }
}
