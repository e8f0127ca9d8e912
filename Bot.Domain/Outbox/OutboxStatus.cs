namespace Bot.Domain.Outbox;

// Pending → Sending (claimed, next_attempt_at is the lease's end) → Sent, or back to Pending for a
// retry, or Failed (the platform refused for good) or Undeliverable (no channel reaches the person).
public enum OutboxStatus { Pending, Sending, Sent, Failed, Undeliverable }
