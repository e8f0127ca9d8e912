using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Bot.WeChat.Api;

namespace Bot.Tests.Simulator;

public sealed class LoginMediaAndUsers
{
    [Fact]
    public async Task A_login_code_works_once_and_returns_the_unionid()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var (appId, secret) = (sim.Options.MiniProgramAppId, sim.Options.MiniProgramSecret);
        var code = await sim.WxLoginAsync(RunningSimulator.Villager);

        var session = await sim.Api.CodeToSessionAsync(appId, secret, code);
        var reused = await sim.Api.CodeToSessionAsync(appId, secret, code);

        Assert.Equal(("oMpDemoVillager0001", "uDemoVillager0001"), (session.Value!.OpenId, session.Value.UnionId));
        Assert.NotEmpty(session.Value.SessionKey);
        Assert.Equal((40163, WeChatErrorKind.Permanent), (reused.ErrorCode, reused.Kind));
    }

    [Fact]
    public async Task A_login_code_expires_after_five_minutes()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var code = await sim.WxLoginAsync(RunningSimulator.Villager);
        await sim.AdvanceAsync(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        var late = await sim.Api.CodeToSessionAsync(sim.Options.MiniProgramAppId, sim.Options.MiniProgramSecret, code);

        Assert.Equal(40029, late.ErrorCode);
    }

    [Fact]
    public async Task Uploaded_media_downloads_as_bytes_for_three_days_then_answers_40007()
    {
        await using var sim = await RunningSimulator.StartAsync();
        var token = await sim.OaTokenAsync();
        var photo = new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]);
        photo.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        using var form = new MultipartFormDataContent { { photo, "media", "lamp.jpg" } };

        var upload = await (await sim.Http.PostAsync($"cgi-bin/media/upload?access_token={token}&type=image", form)).Content.ReadFromJsonAsync<JsonElement>();
        var mediaId = upload.GetProperty("media_id").GetString()!;
        var fresh = await sim.Api.GetMediaAsync(token, mediaId);
        await sim.AdvanceAsync(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        var expired = await sim.Api.GetMediaAsync(await sim.OaTokenAsync(), mediaId);

        Assert.Equal(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3 }, fresh.Value!.Content);
        Assert.Equal("image/jpeg", fresh.Value.ContentType);
        Assert.Equal((40007, WeChatErrorKind.Permanent), (expired.ErrorCode, expired.Kind));
        Assert.Null(expired.Value);
    }

    [Fact]
    public async Task User_info_gives_the_unionid_of_a_follower_and_little_after_an_unfollow()
    {
        await using var sim = await RunningSimulator.StartAsync(o => { o.Retries = 0; o.BotCallbackUrl = "http://127.0.0.1:9/wechat"; });
        var token = await sim.OaTokenAsync();

        var follower = await sim.Api.GetUserInfoAsync(token, RunningSimulator.Villager);
        await sim.SendAsync(RunningSimulator.Villager, new { type = "unsubscribe" });
        var gone = await sim.Api.GetUserInfoAsync(token, RunningSimulator.Villager);

        Assert.Equal((true, "uDemoVillager0001"), (follower.Value!.IsFollowing, follower.Value.UnionId));
        Assert.Equal((false, null), (gone.Value!.IsFollowing, gone.Value.UnionId));
    }
}
