using Bot.Domain.Outbox;

namespace Bot.Outbox;

public static class OutboxSetup
{
    // Needs AddWeChat (the API client, tokens, contact windows) and AddDatabase.
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OutboxQueue>();
        services.AddSingleton<SubscribeConsentStore>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService<OutboxDispatcher>();
        return services;
    }
}
