using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bot.Simulator.Api;

// An API answer as the platform gives it: always HTTP 200 JSON, errors as {errcode, errmsg} with an errmsg that
// ends in a fresh request id (§0), so a client comparing errmsg text breaks here too.
public sealed class WeChatAnswer(int errorCode, JsonObject body) : IResult
{
    // Where the API pipeline finds the errcode for the call log.
    public const string ErrorCodeItem = "wechat.errcode";

    static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    static readonly Dictionary<int, string> Messages = new()
    {
        [-1] = "system error",
        [40001] = "invalid credential, access_token is invalid or not latest",
        [40002] = "invalid grant_type",
        [40003] = "invalid openid",
        [40007] = "invalid media_id",
        [40008] = "invalid message type",
        [40013] = "invalid appid",
        [40014] = "invalid access_token",
        [40029] = "invalid code",
        [40037] = "invalid template_id",
        [40125] = "invalid appsecret",
        [40163] = "code been used",
        [41001] = "access_token missing",
        [42001] = "access_token expired",
        [43004] = "require subscribe",
        [43101] = "user refuse to accept the msg",
        [44002] = "empty post data",
        [45002] = "content size out of limit",
        [45008] = "article size out of limit",
        [45009] = "reach max api daily quota limit",
        [45011] = "api minute-quota reach limit, must slower, retry next minute",
        [45015] = "response out of time limit or subscription is canceled",
        [45047] = "out of response count limit",
        [47001] = "data format error",
        [48001] = "api unauthorized",
    };

    public static WeChatAnswer Ok(JsonObject? body = null)
    {
        body ??= new JsonObject();
        return new WeChatAnswer(0, body);
    }

    // "ok" with errcode 0, as the send APIs answer.
    public static WeChatAnswer OkWithCode(JsonObject? extra = null)
    {
        var body = new JsonObject { ["errcode"] = 0, ["errmsg"] = "ok" };
        foreach (var (key, value) in extra ?? [])
            body[key] = value?.DeepClone();
        return new WeChatAnswer(0, body);
    }

    public static WeChatAnswer Error(int errorCode, string? detail = null) =>
        new(errorCode, new JsonObject
        {
            ["errcode"] = errorCode,
            ["errmsg"] = $"{detail ?? Messages.GetValueOrDefault(errorCode, "error")} rid: {Rid()}",
        });

    public Task ExecuteAsync(HttpContext context)
    {
        context.Items[ErrorCodeItem] = errorCode;
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(body.ToJsonString(Json));
    }

    static string Rid() => $"{Random.Shared.Next():x8}-{Random.Shared.Next():x8}-{Random.Shared.Next():x8}";
}
