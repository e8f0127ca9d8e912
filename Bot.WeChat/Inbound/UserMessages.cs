namespace Bot.WeChat.Inbound;

// The user message types of §2.2, kept together because each is a handful of fields.

public sealed record TextMessage : UserMessage
{
    public required string Content { get; init; }
}

public sealed record ImageMessage : UserMessage
{
    public required string PicUrl { get; init; }
    // Valid for 3 days only: download it at once (§8).
    public required string MediaId { get; init; }
}

public sealed record VoiceMessage : UserMessage
{
    public required string MediaId { get; init; }
    public required string Format { get; init; }
    // Speech-to-text; only when recognition is enabled for the account, and it may never arrive.
    public string? Recognition { get; init; }
}

// Both "video" and "shortvideo".
public sealed record VideoMessage : UserMessage
{
    public required string MediaId { get; init; }
    public required string ThumbMediaId { get; init; }
    public bool IsShortVideo => MsgType == "shortvideo";
}

public sealed record LocationMessage : UserMessage
{
    // Location_X.
    public required double Latitude { get; init; }
    // Location_Y.
    public required double Longitude { get; init; }
    public required int Scale { get; init; }
    public required string Label { get; init; }
}

public sealed record LinkMessage : UserMessage
{
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string Url { get; init; }
}
