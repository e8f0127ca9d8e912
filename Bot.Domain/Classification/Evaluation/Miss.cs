namespace Bot.Domain.Classification.Evaluation;

// A line the method got wrong on either head: what curating a corpus starts from.
public sealed record Miss(LabelledText Line, ClassifierScores Scores);
