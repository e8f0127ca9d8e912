using Bot.Domain.Classification;
using Bot.Domain.Messages;
using Microsoft.Extensions.Options;

namespace Bot.Conversation;

public static class ConversationSetup
{
    public static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.AddOptions<ClassifierOptions>().BindConfiguration(ClassifierOptions.Section);
        services.AddOptions<Bot.Domain.Outbox.QuietHours>().BindConfiguration(Bot.Domain.Outbox.QuietHours.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<Bot.Domain.Outbox.QuietHours>>().Value);
        services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ConversationOptions>>().Value);
        services.AddSingleton(sp => DemandClassifier.Load(sp.GetRequiredService<IOptions<ClassifierOptions>>().Value));
        services.AddSingleton(_ => new Templates(Path.Combine(AppContext.BaseDirectory, "templates")));
        services.AddSingleton<VillagerChat>();
        services.AddSingleton<StaffChat>();
        services.AddSingleton<ChatHandler>();
        // Chat photos are kept with the mini-program's uploads (MediaStore, from AddMiniProgram).
        services.AddHostedService<Bot.WeChat.ChatMediaFetcher>();
        services.AddSingleton<Bot.Domain.Demands.DemandWork>();
        services.AddSingleton<Bot.Demands.DemandReporting>();
        return services;
    }

    // Loaded before serving: a broken template or model stops the start with one clear sentence.
    public static bool LoadConversationParts(this IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<Templates>();
            services.GetRequiredService<DemandClassifier>();
            return true;
        }
        catch (Exception e) when (e is TemplateMissing or ClassifierModelException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return false;
        }
    }
}
