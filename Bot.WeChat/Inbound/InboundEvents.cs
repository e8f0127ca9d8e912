namespace Bot.WeChat.Inbound;

// The events of §2.3, kept together because each is a handful of fields.

public sealed record SubscribeEvent : InboundEvent
{
    // The scene of a parametric QR code (EventKey without its "qrscene_" prefix); null for a plain follow.
    public string? SceneKey { get; init; }
    public string? Ticket { get; init; }
}

// Platform policy: delete the user's personal data.
public sealed record UnsubscribeEvent : InboundEvent;

// An existing follower scanned a parametric QR code; EventKey is the scene, without a prefix.
public sealed record ScanEvent : InboundEvent
{
    public string SceneKey => EventKey ?? "";
    public string? Ticket { get; init; }
}

public sealed record LocationEvent : InboundEvent
{
    public required double Latitude { get; init; }
    public required double Longitude { get; init; }
    public required double Precision { get; init; }
}

public sealed record ClickEvent : InboundEvent
{
    public string MenuKey => EventKey ?? "";
}

public sealed record ViewEvent : InboundEvent
{
    public string Url => EventKey ?? "";
    public string? MenuId { get; init; }
}

// The delivery report of a template message; InboundMessage.MsgId holds its MsgID.
public sealed record TemplateSendJobFinishEvent : InboundEvent
{
    // "success", "failed:user block", "failed: system failed" (with a space), …
    public required string Status { get; init; }
    public bool IsDelivered => Status == "success";
    public override string DedupKey => $"template:{MsgId}:{Status}";
}
