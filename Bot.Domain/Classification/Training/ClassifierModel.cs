using Bot.Domain.Classification.Features;

namespace Bot.Domain.Classification.Training;

// Everything a trained classifier is: the dictionary, two softmax heads, their temperatures, the
// confidence rule and colour costs chosen at training time, and the settings that produced them.
public sealed record ClassifierModel(
    TrainingSettings Settings,
    Vocabulary Vocabulary,
    LinearHead Category,
    LinearHead Colour,
    double CategoryTemperature,
    double ColourTemperature,
    ConfidenceRule ConfidenceRule,
    ColourCosts ColourCosts);
