namespace Bot.Tests.Simulator;

public sealed class SimulatorPage
{
    [Fact]
    public async Task The_chat_page_is_served_at_the_root()
    {
        await using var sim = await RunningSimulator.StartAsync();

        var page = await sim.Http.GetAsync("");

        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("微信模拟器", html);
        Assert.Contains("/sim/personas/", html);
    }
}
