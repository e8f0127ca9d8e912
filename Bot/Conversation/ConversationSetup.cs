using Bot.Classification;
using Bot.Domain.Classification;
using Bot.Domain.Messages;
using Microsoft.Extensions.Options;

namespace Bot.Conversation;

public static class ConversationSetup
{
    public static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.AddOptions<ClassifierOptions>().BindConfiguration(ClassifierOptions.Section);
        services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ConversationOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ClassifierOptions>>().Value);
        services.AddSingleton(sp => new RunningClassifier(DemandClassifier.Load(sp.GetRequiredService<ClassifierOptions>())));
        services.AddSingleton<ClassifierModelStore>();
        services.AddSingleton<CorrectionStore>();
        services.AddSingleton<ClassifierRetraining>();
        services.AddSingleton<ClassifierRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<ClassifierRefresher>());
        services.AddSingleton<VillagerChat>();
        services.AddSingleton<StaffChat>();
        services.AddSingleton<ChatHandler>();
        // Chat photos are kept with the mini-program's uploads (MediaStore, from AddMiniProgram).
        services.AddHostedService<Bot.WeChat.ChatMediaFetcher>();
        return services;
    }

    // Loaded before serving: a broken template or model stops the start with one clear sentence.
    public static bool LoadConversationParts(this IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<Templates>();
            services.GetRequiredService<RunningClassifier>();
            return true;
        }
        catch (Exception e) when (e is TemplateMissing or ClassifierModelException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return false;
        }
    }
}
