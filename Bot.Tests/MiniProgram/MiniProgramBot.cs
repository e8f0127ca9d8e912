using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Bot.Domain.Demands;
using Bot.MiniProgram;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.MiniProgram;

// The live bot with the demo village, photos in a folder of its own, and limits high enough that
// only the rate-limit tests meet them.
public class MiniProgramBot : LiveBot
{
    public const string Zhang = "13800000001", Liu = "13181590830", Li = "13800000002", Zhao = "18513613412",
        Wang = "13800000003", Cao = "13317764672", Xu = "13836236107", Admin = "13900000000";

    public string MediaFolder { get; } = Path.Combine(Path.GetTempPath(), $"bot-media-{Guid.NewGuid():N}");

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["MiniProgram:MediaFolder"] = MediaFolder;
        settings["MiniProgram:LoginPerIp:Permits"] = "10000";
        settings["MiniProgram:ReportPerUser:Permits"] = "10000";
        settings["MiniProgram:ReportPerIp:Permits"] = "10000";
        return settings;
    }

    public Task<long> PersonAsync(string phone) =>
        Database.ScalarAsync<long>("SELECT id FROM person WHERE phone = @phone", new { phone });

    // A session opened directly, for the role tests; signing in through WeChat is tested on its own.
    public async Task<HttpClient> SignInAsync(string phone)
    {
        var (token, _) = await Services.GetRequiredService<SessionStore>().OpenAsync(await PersonAsync(phone), default);
        return ClientWith(token);
    }

    public HttpClient ClientWith(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    // A demand in the state a test needs, through the same intake as chat and mini-program.
    public async Task<Demand> SubmitAsync(string phone, string text, bool confident = true, Category category = Category.Power, Colour colour = Colour.Green)
    {
        var villager = await PersonAsync(phone);
        var place = (await Database.QueryAsync<(long?, long?)>("SELECT village_id, household_id FROM person WHERE id = @villager", new { villager }))[0];
        return await Services.GetRequiredService<DemandIntake>().SubmitAsync(new NewDemand(villager, place.Item1, place.Item2, text, null),
            new Grade(category, colour, confident ? 0.95 : 0.3, "test", confident));
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(MediaFolder))
            Directory.Delete(MediaFolder, recursive: true);
    }
}
