using System.Globalization;
using Bot.Domain.Demands;
using Bot.Domain.Outbox;
using Bot.WeChat;
using Bot.WeChat.Api;
using Bot.WeChat.Callback;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Bot.Outbox;

// Sends one claimed message by the channel the platform will take (§6.1–6.2, §7.2): a customer-service
// message while the recipient's window has sends left, else the template configured for its notice,
// else a mini-program subscribe message when the person gave a consent for it, else nothing — the row
// is held as Undeliverable so a person sees it.
public sealed class OutboxSender
{
    const string Custom = "custom";
    const string Template = "template";
    const string Subscribe = "subscribe";
    const int NotFollowing = 43004;

    readonly WeChatApiClient api;
    readonly AccessTokenStore tokens;
    readonly ContactWindows contacts;
    readonly SubscribeConsentStore consents;
    readonly WeChatOptions wechat;
    readonly OutboxOptions options;
    readonly TimeProvider clock;
    readonly ResiliencePipeline<WeChatResult> blips;

    public OutboxSender(WeChatApiClient api, AccessTokenStore tokens, ContactWindows contacts, SubscribeConsentStore consents,
        IOptions<WeChatOptions> wechat, IOptions<OutboxOptions> options, TimeProvider clock)
    {
        this.consents = consents;
        this.api = api;
        this.tokens = tokens;
        this.contacts = contacts;
        this.wechat = wechat.Value;
        this.options = options.Value;
        this.clock = clock;
        var pipeline = new ResiliencePipelineBuilder<WeChatResult> { TimeProvider = clock };
        if (this.options.InCallRetries > 0)
            pipeline.AddRetry(new RetryStrategyOptions<WeChatResult>
            {
                ShouldHandle = new PredicateBuilder<WeChatResult>().HandleResult(r => r.Kind == WeChatErrorKind.Transient),
                MaxRetryAttempts = this.options.InCallRetries,
                Delay = this.options.InCallRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            });
        blips = pipeline.Build();
    }

    public async Task<SendOutcome> SendAsync(ClaimedMessage message, CancellationToken ct)
    {
        var payload = OutboxPayload.FromJson(message.PayloadJson);
        if (message.OpenId is not { } openId)
            return await SubscribeAsync(message, payload, $"not following: person {message.RecipientId} has no Official Account openid", ct);

        var closedBy = "";
        if (await contacts.IsOpenAsync(openId, ct))
        {
            var result = await CallAsync((token, c) => api.SendCustomMessageAsync(token, CustomMessageFor(openId, payload), c), ct);
            if (result.IsOk)
            {
                await contacts.SpendAsync(openId, ct);
                return SendOutcome.Sent(Custom);
            }
            if (result.Kind is not (WeChatErrorKind.OutsideWindow or WeChatErrorKind.QuotaExhausted))
                return Failure(result, Custom);
            // Our forecast was wrong (an unfollow, sends from elsewhere): believe the platform, try a template.
            await contacts.CloseAsync(openId, ct);
            closedBy = $" ({result.ErrorCode})";
        }

        if (payload.Notice is null || !wechat.Templates.TryGetValue(payload.Notice, out var templateId))
            return await SubscribeAsync(message, payload, $"no open window and no template configured{closedBy}", ct);
        var template = new TemplateMessage(openId, templateId, TemplateData(payload), payload.CardUrl, ClientMsgId: message.IdempotencyKey);
        var sent = await CallAsync(async (token, c) => await api.SendTemplateMessageAsync(token, template, c), ct);
        return sent.IsOk ? SendOutcome.Sent(Template) : Failure(sent, Template);
    }

    // The last channel: one counted consent buys one subscribe message (43101 when the platform disagrees).
    async Task<SendOutcome> SubscribeAsync(ClaimedMessage message, OutboxPayload payload, string otherwise, CancellationToken ct)
    {
        if (wechat.MiniProgram is not { } app || message.MiniProgramOpenId is not { } mpOpenId || message.RecipientId is not { } person
            || payload.Notice is null || !wechat.SubscribeTemplates.TryGetValue(payload.Notice, out var templateId))
            return SendOutcome.Undeliverable(otherwise);
        if (!await consents.TrySpendAsync(person, templateId, ct))
            return SendOutcome.Undeliverable($"{otherwise}; no subscribe consent left for {templateId}");
        var subscribe = new SubscribeMessage(mpOpenId, templateId, TemplateData(payload), wechat.SubscribePage);
        var sent = await blips.ExecuteAsync(async c => await tokens.CallAsync(app, (token, t) => api.SendSubscribeMessageAsync(token, subscribe, t), c), ct);
        return sent.IsOk ? SendOutcome.Sent(Subscribe) : Failure(sent, Subscribe);
    }

    async Task<WeChatResult> CallAsync(Func<string, CancellationToken, Task<WeChatResult>> call, CancellationToken ct) =>
        await blips.ExecuteAsync(async c => await tokens.CallAsync(wechat.OfficialAccount, call, c), ct);

    SendOutcome Failure(WeChatResult result, string channel)
    {
        var error = $"{channel}: errcode {result.ErrorCode?.ToString(CultureInfo.InvariantCulture) ?? "none"} {result.Kind} {result.ErrorMessage}".Trim();
        return result.Kind switch
        {
            WeChatErrorKind.Transient or WeChatErrorKind.TokenInvalid => SendOutcome.Retry(error, channel),
            WeChatErrorKind.DailyLimitReached => SendOutcome.Retry(error, channel, options.DailyLimitDelay),
            WeChatErrorKind.NoSubscription => SendOutcome.Undeliverable($"no subscription credit: {error}", channel),
            _ when result.ErrorCode == NotFollowing => SendOutcome.Undeliverable($"not following: {error}", channel),
            _ => SendOutcome.Failed(error, channel),
        };
    }

    static CustomMessage CustomMessageFor(string openId, OutboxPayload payload) =>
        payload is { CardTitle: { } title, CardUrl: { } url }
            ? CustomMessage.News(openId, new NewsArticle(title, payload.Text, url, null))
            : CustomMessage.Text(openId, payload.Text);

    Dictionary<string, string> TemplateData(OutboxPayload payload) => new()
    {
        [wechat.TemplateTextKey] = Thing(payload.CardTitle ?? payload.Text),
        [wechat.TemplateTimeKey] = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), DemandCode.China)
            .ToString("yyyy年MM月dd日 HH:mm", CultureInfo.InvariantCulture),
    };

    // A "thing" value is at most 20 characters (§7.3, counted as code points to be safe) on one line.
    static string Thing(string text)
    {
        var oneLine = string.Join(' ', text.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        var runes = oneLine.EnumerateRunes().ToList();
        return runes.Count <= 20 ? oneLine : string.Concat(runes.Take(19).Select(r => r.ToString())) + "…";
    }
}
