using Bot.Domain.Demands;

namespace Bot.Domain.Classification;

public sealed record Classification(
    Category Category, Colour Colour, double CategoryProbability, double ColourProbability, bool IsConfident, string ModelVersion);
