namespace Bot.WeChat.Api;

// The outcome of one API call.
// ErrorCode: The platform's errcode (0 on success); null when the platform gave no answer (network error,
// timeout, HTTP error status, unreadable body).
// ErrorMessage: For logs only: errmsg carries a changing request id, never compare it.
public record WeChatResult(int? ErrorCode, WeChatErrorKind Kind, string? ErrorMessage)
{
    public bool IsOk => Kind == WeChatErrorKind.Ok;

    public static WeChatErrorKind Classify(int errorCode) => errorCode switch
    {
        0 => WeChatErrorKind.Ok,
        -1 or 45011 => WeChatErrorKind.Transient,
        45009 => WeChatErrorKind.DailyLimitReached,
        40001 or 40014 or 42001 => WeChatErrorKind.TokenInvalid,
        45015 => WeChatErrorKind.OutsideWindow,
        45047 => WeChatErrorKind.QuotaExhausted,
        43101 => WeChatErrorKind.NoSubscription,
        _ => WeChatErrorKind.Permanent,
    };
}

// The outcome of one API call that returns data; Value is set exactly when it succeeded.
public sealed record WeChatResult<T>(T? Value, int? ErrorCode, WeChatErrorKind Kind, string? ErrorMessage)
    : WeChatResult(ErrorCode, Kind, ErrorMessage);
