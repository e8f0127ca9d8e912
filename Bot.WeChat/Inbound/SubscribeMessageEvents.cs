namespace Bot.WeChat.Inbound;

// The three subscription-notification events of §2.3; each carries a repeating List.

public sealed record SubscribeDecision(string TemplateId, string Status, string? PopupScene)
{
    public bool IsAccepted => Status == "accept";
}

public sealed record SubscribeDelivery(string TemplateId, long? MsgId, int? ErrorCode, string? ErrorStatus);

// The user answered a subscription popup (one decision per template).
public sealed record SubscribeMsgPopupEvent : InboundEvent
{
    public required IReadOnlyList<SubscribeDecision> Decisions { get; init; }
}

// The user changed a subscription in settings (only rejections are pushed).
public sealed record SubscribeMsgChangeEvent : InboundEvent
{
    public required IReadOnlyList<SubscribeDecision> Decisions { get; init; }
}

public sealed record SubscribeMsgSentEvent : InboundEvent
{
    public required IReadOnlyList<SubscribeDelivery> Deliveries { get; init; }
}
