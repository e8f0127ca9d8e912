namespace Bot.WeChat.Api;

// What a failed call means for the sender (§9), so the outbox can decide without reading errmsg.
public enum WeChatErrorKind
{
    Ok,
    // -1 busy, 45011 per-minute limit, HTTP 5xx/429, timeouts, network errors: retry with back-off.
    Transient,
    // 45009: the daily quota of this API is used up; retrying today is pointless, alert a person.
    DailyLimitReached,
    // 40001/40014/42001 on a call that carried an access token: refresh the token once and retry.
    TokenInvalid,
    // 45015: no open customer-message window (or the user unfollowed); use a template or subscribe message.
    OutsideWindow,
    // 45047: the user's customer-message allowance is used up until they write again.
    QuotaExhausted,
    // 43101: no subscribe-message credit for this user and template.
    NoSubscription,
    // Everything else: retrying will not help; a person or a fallback must.
    Permanent,
}
