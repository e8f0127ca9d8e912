namespace Bot.Simulator;

public static class SimulatorHost
{
    public static void Main(string[] args)
    {
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/", () => "WeChat simulator");
        app.Run();
    }
}
