using Bot.Domain.Demands;

namespace Bot.Domain.Classification;

public sealed record LabelledText(string Text, Category Category, Colour Colour);
