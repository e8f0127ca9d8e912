namespace Bot.Hosting;

public static class BotConfiguration
{
    // appsettings.json lives at the repository root and is copied beside the binary.
    // Environment variables override it: BOT_Section__Key first, then the plain Section__Key form.
    public static void AddBotConfiguration(this ConfigurationManager configuration)
    {
        configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false);
        configuration.AddEnvironmentVariables();
        configuration.AddEnvironmentVariables("BOT_");
    }
}
