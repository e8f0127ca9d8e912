using System.Collections.Concurrent;
using Bot.Tests.WeChat;
using Bot.WeChat.Callback;
using Bot.WeChat.Crypto;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Simulator;

// A tiny callback endpoint on a real port that opens each delivery with our library and answers with whatever
// the test's handler says; it records every body it got.
public sealed class FakeBot : IAsyncDisposable
{
    readonly WebApplication app;

    FakeBot(WebApplication app) => this.app = app;

    public string CallbackUrl => app.Urls.First() + "/wechat";
    public ConcurrentQueue<(string Query, string Body)> Deliveries { get; } = new();
    public ConcurrentQueue<OpenedCallback> Opened { get; } = new();

    // answer: Gets the opened callback, the envelope (for sealing) and the attempt number (1-based); returns
    // the HTTP body. It may delay to play a slow bot.
    public static async Task<FakeBot> StartAsync(Func<OpenedCallback, CallbackEnvelope, int, Task<string>> answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var bot = new FakeBot(app);
        var envelope = new CallbackEnvelope(Vectors.Token, new WeChatCrypto(Vectors.EncodingAesKey, Vectors.AppId));
        app.MapGet("/wechat", (string? signature, string? timestamp, string? nonce, string? echostr) =>
            envelope.IsGenuineUrlCheck(signature, timestamp, nonce) ? Results.Text(echostr) : Results.Unauthorized());
        app.MapPost("/wechat", async (HttpRequest request) =>
        {
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            bot.Deliveries.Enqueue((request.QueryString.Value ?? "", body));
            var q = request.Query;
            var opened = envelope.Open(new CallbackQuery(q["signature"], q["timestamp"], q["nonce"], q["encrypt_type"], q["msg_signature"]), body);
            bot.Opened.Enqueue(opened);
            var attempt = bot.Deliveries.Count(d => d.Body == body);
            return Results.Text(await answer(opened, envelope, attempt), "text/xml");
        });
        await app.StartAsync();
        return bot;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
