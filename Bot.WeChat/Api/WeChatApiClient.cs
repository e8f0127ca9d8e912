using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bot.WeChat.Api;

// The WeChat APIs the bot calls. Point HttpClient.BaseAddress at the simulator in development (with a trailing
// slash); unset, it is https://api.weixin.qq.com/. The caller supplies the access token and decides on retries
// from WeChatResult.Kind: this client never retries.
public sealed class WeChatApiClient
{
    static readonly Uri DefaultBase = new("https://api.weixin.qq.com/");

    // Raw UTF-8 instead of \uXXXX escapes: what the platform's own examples send.
    static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    readonly HttpClient http;

    public WeChatApiClient(HttpClient http)
    {
        this.http = http;
        http.BaseAddress ??= DefaultBase;
    }

    // Classic token: every call issues a new one and kills the previous after ~5 minutes (§5.2).
    public Task<WeChatResult<AccessToken>> GetTokenAsync(string appId, string secret, CancellationToken ct = default) =>
        SendAsync(Get($"cgi-bin/token?grant_type=client_credential&appid={E(appId)}&secret={E(secret)}"),
            ReadToken, usesAccessToken: false, ct);

    // Stable token: the same token for all callers until its last 5 minutes; force refresh is capped (§5.2).
    public Task<WeChatResult<AccessToken>> GetStableTokenAsync(string appId, string secret, bool forceRefresh = false,
        CancellationToken ct = default) =>
        SendAsync(Post("cgi-bin/stable_token", new JsonObject
        {
            ["grant_type"] = "client_credential", ["appid"] = appId, ["secret"] = secret, ["force_refresh"] = forceRefresh,
        }), ReadToken, usesAccessToken: false, ct);

    public Task<WeChatResult> SendCustomMessageAsync(string accessToken, CustomMessage message, CancellationToken ct = default) =>
        SendWithoutValueAsync(Post($"cgi-bin/message/custom/send?access_token={E(accessToken)}", message.Json), ct);

    // Returns the msgid that the later TEMPLATESENDJOBFINISH report carries.
    public Task<WeChatResult<long>> SendTemplateMessageAsync(string accessToken, TemplateMessage message,
        CancellationToken ct = default) =>
        SendAsync(Post($"cgi-bin/message/template/send?access_token={E(accessToken)}", message.ToJson()),
            json => json.GetProperty("msgid").GetInt64(), usesAccessToken: true, ct);

    // Takes the Mini Program's access token, not the Official Account's.
    public Task<WeChatResult> SendSubscribeMessageAsync(string accessToken, SubscribeMessage message,
        CancellationToken ct = default) =>
        SendWithoutValueAsync(Post($"cgi-bin/message/subscribe/send?access_token={E(accessToken)}", message.ToJson()), ct);

    // jscode2session needs the Mini Program's secret, not a token. A code works once (40163) for ~5 minutes
    // (40029).
    public Task<WeChatResult<MiniProgramSession>> CodeToSessionAsync(string appId, string secret, string jsCode,
        CancellationToken ct = default) =>
        SendAsync(Get($"sns/jscode2session?appid={E(appId)}&secret={E(secret)}&js_code={E(jsCode)}&grant_type=authorization_code"),
            json => new MiniProgramSession(
                json.GetProperty("openid").GetString()!, json.GetProperty("session_key").GetString()!, OptionalString(json, "unionid")),
            usesAccessToken: false, ct);

    public Task<WeChatResult<WeChatUser>> GetUserInfoAsync(string accessToken, string openId, CancellationToken ct = default) =>
        SendAsync(Get($"cgi-bin/user/info?access_token={E(accessToken)}&openid={E(openId)}&lang=zh_CN"), ReadUser,
            usesAccessToken: true, ct);

    // Downloads a temporary medium (valid 3 days, §8). An error comes back as JSON with HTTP 200; this tells it
    // from the file by content type and a leading '{', so an error body is never mistaken for an image.
    public async Task<WeChatResult<DownloadedMedia>> GetMediaAsync(string accessToken, string mediaId, CancellationToken ct = default)
    {
        var request = Get($"cgi-bin/media/get?access_token={E(accessToken)}&media_id={E(mediaId)}");
        return await CallAsync(request, async response =>
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(ct);
            var contentType = response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream";
            if (!LooksLikeJson(contentType, bytes))
                return Ok(new DownloadedMedia(bytes, contentType, FileName(response), null));
            return Interpret(bytes, json => OptionalString(json, "video_url") is { } videoUrl
                ? new DownloadedMedia([], contentType, null, videoUrl)
                : throw new KeyNotFoundException("Neither an error nor a video_url."), usesAccessToken: true);
        }, ct);
    }

    async Task<WeChatResult> SendWithoutValueAsync(HttpRequestMessage request, CancellationToken ct) =>
        await SendAsync(request, _ => true, usesAccessToken: true, ct);

    Task<WeChatResult<T>> SendAsync<T>(HttpRequestMessage request, Func<JsonElement, T> read, bool usesAccessToken,
        CancellationToken ct) =>
        CallAsync(request, async response => Interpret(await response.Content.ReadAsByteArrayAsync(ct), read, usesAccessToken), ct);

    async Task<WeChatResult<T>> CallAsync<T>(HttpRequestMessage request, Func<HttpResponseMessage, Task<WeChatResult<T>>> read,
        CancellationToken ct)
    {
        try
        {
            using (request)
            using (var response = await http.SendAsync(request, ct))
            {
                if (!response.IsSuccessStatusCode)
                    return Failed<T>(null, IsTransient(response.StatusCode) ? WeChatErrorKind.Transient : WeChatErrorKind.Permanent,
                        $"HTTP {(int)response.StatusCode}");
                return await read(response);
            }
        }
        catch (HttpRequestException e)
        {
            return Failed<T>(null, WeChatErrorKind.Transient, e.Message);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            return Failed<T>(null, WeChatErrorKind.Transient, $"Timed out: {e.Message}");
        }
    }

    static WeChatResult<T> Interpret<T>(byte[] body, Func<JsonElement, T> read, bool usesAccessToken)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var json = document.RootElement;
            // errcode is absent on success for token and jscode2session, 0 elsewhere (§0).
            var errorCode = json.TryGetProperty("errcode", out var code) ? code.GetInt32() : 0;
            if (errorCode != 0)
            {
                var kind = WeChatResult.Classify(errorCode);
                // Without a token, 40001 means a wrong secret: no refresh will fix that.
                if (kind == WeChatErrorKind.TokenInvalid && !usesAccessToken)
                    kind = WeChatErrorKind.Permanent;
                return Failed<T>(errorCode, kind, OptionalString(json, "errmsg"));
            }
            return Ok(read(json));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            // A proxy's error page or a half-written body: nothing the request itself did wrong.
            return Failed<T>(null, WeChatErrorKind.Transient, $"Unreadable response: {e.Message}");
        }
    }

    static AccessToken ReadToken(JsonElement json) => new(
        json.GetProperty("access_token").GetString()!, TimeSpan.FromSeconds(json.GetProperty("expires_in").GetInt32()));

    static WeChatUser ReadUser(JsonElement json)
    {
        var following = json.TryGetProperty("subscribe", out var s) && s.GetInt32() == 1;
        var since = json.TryGetProperty("subscribe_time", out var t) && t.ValueKind == JsonValueKind.Number
            ? DateTimeOffset.FromUnixTimeSeconds(t.GetInt64())
            : (DateTimeOffset?)null;
        return new WeChatUser(json.GetProperty("openid").GetString()!, following, OptionalString(json, "unionid"), since,
            OptionalString(json, "subscribe_scene"), OptionalString(json, "qr_scene_str"));
    }

    static WeChatResult<T> Ok<T>(T value) => new(value, 0, WeChatErrorKind.Ok, null);

    static WeChatResult<T> Failed<T>(int? errorCode, WeChatErrorKind kind, string? message) => new(default, errorCode, kind, message);

    static bool IsTransient(HttpStatusCode status) => (int)status >= 500 || status == HttpStatusCode.TooManyRequests;

    static bool LooksLikeJson(string contentType, byte[] body) =>
        contentType is "application/json" or "text/plain" || body.AsSpan().TrimStart(" \t\r\n"u8).StartsWith("{"u8);

    static string? FileName(HttpResponseMessage response) =>
        response.Content.Headers.ContentDisposition?.FileName?.Trim('"');

    static string? OptionalString(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;

    static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    static HttpRequestMessage Post(string path, JsonObject body) => new(HttpMethod.Post, path)
    {
        Content = new StringContent(body.ToJsonString(JsonOptions), Encoding.UTF8, "application/json"),
    };

    static string E(string value) => Uri.EscapeDataString(value);
}
