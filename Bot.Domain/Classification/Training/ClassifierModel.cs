using Bot.Domain.Classification.Features;

namespace Bot.Domain.Classification.Training;

// Everything a trained classifier is: the dictionary, two softmax heads (colour, and the joint
// category × colour head), the network for the category (blended as ScoreBlend says), the
// temperatures, the confidence rule and colour costs chosen at training time, and the settings that
// produced them.
public sealed record ClassifierModel(
    TrainingSettings Settings,
    Vocabulary Vocabulary,
    LinearHead Colour,
    LinearHead Joint,
    NetworkHead Network,
    double CategoryTemperature,
    double ColourTemperature,
    ConfidenceRule ConfidenceRule,
    ColourCosts ColourCosts);
