using Bot.Conversation;
using Bot.Domain.Outbox;
using Bot.WeChat.Callback;
using Bot.WeChat.Crypto;
using Bot.WeChat.Inbound;
using Microsoft.Extensions.Options;

namespace Bot.WeChat;

// The Official Account callback (wechat-platform.md §1.8). It speaks the platform's protocol:
// plain-text bodies, "success" for "nothing to say", and status codes only for forged or broken requests.
public static class CallbackEndpoints
{
    public static void MapWeChatCallback(this IEndpointRouteBuilder app)
    {
        var path = app.ServiceProvider.GetRequiredService<IOptions<WeChatOptions>>().Value.CallbackPath;
        var callback = app.MapGroup(path).WithTags("WeChat").ExcludeFromDescription();
        callback.MapGet("", Verify);
        callback.MapPost("", Receive);
    }

    static IResult Verify(string? signature, string? timestamp, string? nonce, string? echostr, CallbackEnvelope envelope) =>
        envelope.IsGenuineUrlCheck(signature, timestamp, nonce) && echostr is not null
            ? Results.Text(echostr, "text/plain")
            : Results.Text("signature does not match", "text/plain", statusCode: 401);

    static async Task<IResult> Receive(HttpRequest request, CallbackEnvelope envelope, InboundLedger ledger,
        ChatHandler chat, OutboxStore outbox, ContactWindows contacts, IOptions<WeChatOptions> options, TimeProvider clock,
        ILoggerFactory logs)
    {
        var log = logs.CreateLogger("Bot.WeChat.Callback");
        var settings = options.Value;
        var body = await ReadLimitedAsync(request, settings.MaxBodyBytes);
        if (body is null)
            return Results.Text("body too large", "text/plain", statusCode: 413);

        OpenedCallback opened;
        try
        {
            var query = request.Query;
            opened = envelope.Open(new CallbackQuery(query["signature"], query["timestamp"], query["nonce"],
                query["encrypt_type"], query["msg_signature"]), body);
        }
        catch (WeChatCryptoException e) when (e.Failure == WeChatCryptoFailure.BadSignature)
        {
            log.LogWarning("Refused a callback with a bad signature from {Ip}", request.HttpContext.Connection.RemoteIpAddress);
            return Results.Text("signature does not match", "text/plain", statusCode: 401);
        }
        catch (Exception e) when (e is WeChatCryptoException or InboundParseException)
        {
            log.LogWarning("Refused a malformed callback: {Reason}", e.Message);
            return Results.Text("malformed message", "text/plain", statusCode: 400);
        }
        if (settings.RequireEncryption && !opened.ReplyMustBeEncrypted)
            return Results.Text("this account accepts encrypted messages only", "text/plain", statusCode: 400);

        var message = opened.Message;
        if (message is UnknownMessage)
            log.LogInformation("Unknown message type {Type} from {OpenId}; answered success", message.MsgType, message.FromUserName);

        string? replyXml;
        try
        {
            replyXml = await AnswerAsync(opened, ledger, chat, outbox, contacts, settings.ReplyBudget, clock, log);
        }
        catch (Exception e)
        {
            // Nothing was answered and the claim is released: the platform's retry gets another go.
            log.LogError(e, "Could not handle {Key}", message.DedupKey);
            return Results.Text("temporarily unavailable", "text/plain", statusCode: 503);
        }
        return replyXml is null
            ? Results.Text(PassiveReply.Success, "text/plain")
            : Results.Text(envelope.Seal(replyXml, opened), "application/xml; charset=utf-8");
    }

    static async Task<string?> AnswerAsync(OpenedCallback opened, InboundLedger ledger, ChatHandler chat, OutboxStore outbox,
        ContactWindows contacts, TimeSpan budget, TimeProvider clock, ILogger log)
    {
        var message = opened.Message;
        var key = message.DedupKey;
        var deadline = clock.GetUtcNow() + budget;
        if (!await ledger.TryClaimAsync(key, message.FromUserName, message.MsgType, opened.Xml, CancellationToken.None))
            return await SameAnswerAsync(ledger, key, deadline, clock);

        // Not tied to the request: when the platform hangs up at 5 s the work must still finish.
        // The allowance is recorded first, so a push the handler causes can already use it (§6.1).
        var work = Task.Run(async () =>
        {
            await contacts.RecordAsync(message, CancellationToken.None);
            return await chat.HandleAsync(message, CancellationToken.None);
        });
        var remaining = deadline - clock.GetUtcNow();
        if (await Task.WhenAny(work, Task.Delay(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero)) != work)
        {
            await ledger.MarkAsync(key, InboundState.Deferred, null, CancellationToken.None);
            _ = FinishLateAsync(work, message, ledger, outbox, log);
            return null;
        }
        ChatReply reply;
        try
        {
            reply = await work;
        }
        catch
        {
            await ledger.ReleaseAsync(key, CancellationToken.None);
            throw;
        }
        var xml = reply.IsEmpty ? null : ReplyXml(message, reply, clock.GetUtcNow());
        await ledger.MarkAsync(key, xml is null ? InboundState.Done : InboundState.Replied, xml, CancellationToken.None);
        return xml;
    }

    // A retry of a delivery another attempt claimed: wait for its answer within this attempt's budget.
    static async Task<string?> SameAnswerAsync(InboundLedger ledger, string key, DateTimeOffset deadline, TimeProvider clock)
    {
        while (true)
        {
            var record = await ledger.FindAsync(key, CancellationToken.None);
            if (record is null || record.State != InboundState.Handling || clock.GetUtcNow() >= deadline)
                return record is { State: InboundState.Replied } ? record.Reply : null;
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    static async Task FinishLateAsync(Task<ChatReply> work, InboundMessage message, InboundLedger ledger, OutboxStore outbox, ILogger log)
    {
        try
        {
            var reply = await work;
            if (!reply.IsEmpty)
                await outbox.EnqueueAsync(new OutboxMessage($"reply:{message.DedupKey}", null, message.FromUserName, "chat-reply",
                    new OutboxPayload(reply.Text ?? reply.Article!.Description, reply.Article?.Title, reply.Article?.Url).ToJson()));
            await ledger.MarkAsync(message.DedupKey, InboundState.Done, null, CancellationToken.None);
        }
        catch (Exception e)
        {
            // The message itself is kept in inbound_message (state Deferred) for an operator to see.
            log.LogError(e, "A late answer to {Key} failed", message.DedupKey);
        }
    }

    static string ReplyXml(InboundMessage message, ChatReply reply, DateTimeOffset now) => reply.Article is { } article
        ? PassiveReply.News(message, [article], now)
        : PassiveReply.Text(message, reply.Text!, now);

    // Reads at most limit bytes; null when the body is larger (the platform's are a few KB).
    static async Task<string?> ReadLimitedAsync(HttpRequest request, int limit)
    {
        if (request.ContentLength > limit)
            return null;
        var buffer = new byte[limit + 1];
        var total = 0;
        int read;
        while ((read = await request.Body.ReadAsync(buffer.AsMemory(total, buffer.Length - total))) > 0)
        {
            total += read;
            if (total > limit)
                return null;
        }
        return System.Text.Encoding.UTF8.GetString(buffer, 0, total);
    }
}
