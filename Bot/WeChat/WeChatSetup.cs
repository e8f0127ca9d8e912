using Bot.Domain.Outbox;
using Bot.WeChat.Api;
using Bot.WeChat.Callback;
using Bot.WeChat.Crypto;
using Microsoft.Extensions.Options;

namespace Bot.WeChat;

public static class WeChatSetup
{
    public static IServiceCollection AddWeChat(this IServiceCollection services)
    {
        services.AddOptions<WeChatOptions>().BindConfiguration(WeChatOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<WeChatOptions>>().Value;
            return new CallbackEnvelope(o.Token, new WeChatCrypto(o.EncodingAESKey, o.AppId));
        });
        services.AddSingleton<InboundLedger>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<ContactWindows>();
        services.AddSingleton<AccessTokenStore>();
        // Singletons hold the client, so connections are recycled by the pool rather than by the factory.
        services.AddHttpClient<WeChatApiClient>((sp, http) =>
            {
                var o = sp.GetRequiredService<IOptions<WeChatOptions>>().Value;
                http.BaseAddress = new Uri(o.ApiBaseUrl.TrimEnd('/') + "/");
                http.Timeout = o.ApiTimeout;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        return services;
    }
}
