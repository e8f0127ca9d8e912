using Bot.Domain.Demands;

namespace Bot.Ledger;

// One line of the public sentiment account (docs/domain.md "The echo wall and the ledger").
public sealed record LedgerRow(
    long Id, string Code, DateTimeOffset CreatedAt, string? District, string? Town, string? Village, Category? Category, Colour? Colour,
    DemandStatus Status, EscalationLevel Level, string Villager, string? Handler, DateTimeOffset? DeadlineAt, DateTimeOffset? ResolvedAt,
    bool? OnTime, string? Result, RatingValue? Rating, string Text);
