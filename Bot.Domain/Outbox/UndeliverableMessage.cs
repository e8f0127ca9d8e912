namespace Bot.Domain.Outbox;

public sealed record UndeliverableMessage(long Id, string Kind, string Recipient, string? Reason, DateTime CreatedAt);
