namespace Bot.WeChat.Inbound;

// A message or event pushed to the callback URL (§2). Pattern-match on the concrete records.
public abstract record InboundMessage
{
    // The Official Account's original id (gh_…).
    public string ToUserName { get; init; } = "";
    // The sender's openid.
    public string FromUserName { get; init; } = "";
    public DateTimeOffset CreateTime { get; init; }
    public string MsgType { get; init; } = "";
    public long? MsgId { get; init; }

    // The platform retries a delivery up to three times; equal keys mean the same delivery (§3.3).
    public abstract string DedupKey { get; }

    // Whether a news reply may carry up to 8 articles (events) or only 1 (user messages), §4.
    public abstract bool IsEvent { get; }

    protected string SenderAndSecond => $"{FromUserName}:{CreateTime.ToUnixTimeSeconds()}";
}

// Something a user wrote or sent; carries a MsgId.
public abstract record UserMessage : InboundMessage
{
    public override string DedupKey => MsgId is { } id ? $"msg:{id}" : $"msg:{SenderAndSecond}:{MsgType}";
    public override bool IsEvent => false;
}

// An event (MsgType "event"); has no MsgId, so its key is sender + second + event + key.
public abstract record InboundEvent : InboundMessage
{
    public string Event { get; init; } = "";
    public string? EventKey { get; init; }
    public override string DedupKey => $"event:{SenderAndSecond}:{Event}:{EventKey}";
    public override bool IsEvent => true;
}

// A type or event this library does not model; the callback should answer "success".
public sealed record UnknownMessage : InboundMessage
{
    public string? Event { get; init; }
    public string? EventKey { get; init; }
    public override string DedupKey => MsgId is { } id
        ? $"msg:{id}"
        : $"unknown:{SenderAndSecond}:{MsgType}:{Event}:{EventKey}";
    public override bool IsEvent => Event is not null;
}
