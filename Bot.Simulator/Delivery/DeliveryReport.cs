namespace Bot.Simulator.Delivery;

// What happened to one callback: the XML delivered, every attempt, and what the user saw.
public sealed record DeliveryReport(
    string Xml, long? MsgId, IReadOnlyList<string> Attempts, ReplyOutcome Outcome, string Detail, string? ReplyBody);
