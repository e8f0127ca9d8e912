namespace Bot.WeChat.Api;

/// <summary>What a failed call means for the sender (§9), so the outbox can decide without reading errmsg.</summary>
public enum WeChatErrorKind
{
    Ok,
    /// <summary>-1 busy, 45011 per-minute limit, HTTP 5xx/429, timeouts, network errors: retry with back-off.</summary>
    Transient,
    /// <summary>45009: the daily quota of this API is used up; retrying today is pointless, alert a person.</summary>
    DailyLimitReached,
    /// <summary>40001/40014/42001 on a call that carried an access token: refresh the token once and retry.</summary>
    TokenInvalid,
    /// <summary>45015: no open customer-message window (or the user unfollowed); use a template or subscribe message.</summary>
    OutsideWindow,
    /// <summary>45047: the user's customer-message allowance is used up until they write again.</summary>
    QuotaExhausted,
    /// <summary>43101: no subscribe-message credit for this user and template.</summary>
    NoSubscription,
    /// <summary>Everything else: retrying will not help; a person or a fallback must.</summary>
    Permanent,
}
