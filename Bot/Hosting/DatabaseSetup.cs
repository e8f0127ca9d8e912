using System.Diagnostics;
using Bot.Domain.Demands;
using Bot.Domain.Roster;
using Bot.Domain.Storage;
using Microsoft.Extensions.Options;
using MySql.Data.MySqlClient;

namespace Bot.Hosting;

public static class DatabaseSetup
{
    public static IServiceCollection AddDatabase(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new Db(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString));
        services.AddSingleton(Migration.Embedded());
        services.AddSingleton<Migrator>();
        services.AddSingleton<DemandStore>();
        services.AddSingleton<RosterImporter>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    // Before serving anything: the database must answer and the schema must be current.
    // A database that does not answer yet (starting beside the bot) is tried again until
    // Database:StartupWaitSeconds pass; failure is one plain sentence naming host and port
    // (never the password), not a stack trace.
    public static async Task<bool> PrepareDatabaseAsync(this WebApplication app)
    {
        var db = app.Services.GetRequiredService<Db>();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Bot.Startup");
        var patience = TimeSpan.FromSeconds(app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.StartupWaitSeconds);
        var waited = Stopwatch.StartNew(); // elapsed time, immune to the wall clock being set
        while (true)
        {
            try
            {
                var applied = await app.Services.GetRequiredService<Migrator>()
                    .ApplyAsync(app.Services.GetRequiredService<IReadOnlyList<Migration>>());
                log.LogInformation("Database {Target} ready; {Count} migration(s) applied", db.Target, applied);
                return true;
            }
            catch (MySqlException e) when (e.Number == (int)MySqlErrorCode.UnableToConnectToHost && waited.Elapsed < patience)
            {
                log.LogWarning("Database {Target} does not answer yet ({Reason}); trying again", db.Target, e.Message);
                await Task.Delay(RetryPause);
            }
            catch (MySqlException e)
            {
                await Console.Error.WriteLineAsync($"error: cannot use the database at {db.Target}: {e.Message}");
                return false;
            }
            catch (MigrationFailed e)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}");
                return false;
            }
        }
    }

    static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(2);
}
