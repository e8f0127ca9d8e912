namespace Bot.Domain.Demands;

public enum RuleViolationKind { IllegalTransition, NotPermitted, StaleVersion, TopLevelReached }

// A move the rules refuse. Callers turn it into a 409 or a plain chat refusal; it is never swallowed.
public sealed class RuleViolation(RuleViolationKind kind, string message) : Exception(message)
{
    public RuleViolationKind Kind { get; } = kind;
}
