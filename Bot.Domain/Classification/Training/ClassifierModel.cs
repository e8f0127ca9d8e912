using Bot.Domain.Classification.Features;

namespace Bot.Domain.Classification.Training;

// Everything a trained classifier is: the dictionary, three softmax heads (category, colour, and the
// joint category × colour head blended into both, see ScoreBlend), the temperatures, the confidence
// rule and colour costs chosen at training time, and the settings that produced them.
public sealed record ClassifierModel(
    TrainingSettings Settings,
    Vocabulary Vocabulary,
    LinearHead Category,
    LinearHead Colour,
    LinearHead Joint,
    double CategoryTemperature,
    double ColourTemperature,
    ConfidenceRule ConfidenceRule,
    ColourCosts ColourCosts);
