namespace Bot.Domain.Outbox;

// A row this instance holds until LeaseUntil. Attempt is the row's attempts after claiming: the
// fence that makes a finish from an instance whose lease ran out change nothing.
// OpenId is resolved at claim time: recipient_openid, else the person's Official Account openid;
// MiniProgramOpenId is the person's, for subscribe messages.
public sealed record ClaimedMessage(
    long Id, int Attempt, string IdempotencyKey, string Kind, string PayloadJson, long? RecipientId, string? OpenId,
    string? MiniProgramOpenId = null);
