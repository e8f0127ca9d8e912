using Bot.Domain.Demands;

namespace Bot.Domain.Classification;

// Calibrated and uncalibrated (temperature 1) probabilities of both heads, with the decisions.
public sealed record ClassifierScores(
    double[] Category, double[] Colour, double[] UncalibratedCategory, double[] UncalibratedColour,
    Category DecidedCategory, Colour DecidedColour, bool IsConfident);
