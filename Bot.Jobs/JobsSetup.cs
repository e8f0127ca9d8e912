using Microsoft.Extensions.DependencyInjection;
using MySql.Data.MySqlClient;
using Quartz;

namespace Bot.Jobs;

public static class JobsSetup
{
    // Quartz keeps its tables (QRTZ_*) in the bot's database; clustering makes several bot
    // instances share the schedule so each trigger fires once and a dead node's work is taken over.
    public static IServiceCollection AddBotJobs(this IServiceCollection services, string connectionString)
    {
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = "bot";
                s.GenerateInstanceId = true; // each instance a distinct id, as clustering requires
            });
            q.UsePersistentStore(store =>
            {
                store.UseMySql(MySqlClientFactory.Instance, connectionString);
                store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(10));
                store.ProvisionSchema();
            });
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
