using Bot.Demo;
using Bot.Domain.Demands;
using Bot.Domain.Messages;
using Bot.Domain.Outbox;
using Bot.Domain.People;
using Microsoft.Extensions.Options;

namespace Bot.Demands;

public static class DemandsSetup
{
    // The demand's life shared by chat, mini-program and jobs: intake, every later move, who handles
    // what, time limits and quiet hours, and the texts pushes are written with.
    public static IServiceCollection AddDemands(this IServiceCollection services)
    {
        services.AddOptions<TimeLimitOptions>().BindConfiguration(TimeLimitOptions.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TimeLimitOptions>>().Value);
        services.AddOptions<QuietHours>().BindConfiguration(QuietHours.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<QuietHours>>().Value);
        services.AddSingleton(_ => new Templates(Path.Combine(AppContext.BaseDirectory, "templates")));
        services.AddSingleton<PeopleStore>();
        services.AddSingleton<DemandIntake>();
        services.AddSingleton<DemandWork>();
        services.AddSingleton<DemandReporting>();
        services.AddSingleton<DemoSeeder>();
        return services;
    }
}
