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
        services.AddHttpClient<WeChatApiClient>((sp, http) =>
            http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<WeChatOptions>>().Value.ApiBaseUrl.TrimEnd('/') + "/"));
        return services;
    }
}
