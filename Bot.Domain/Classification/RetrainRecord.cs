namespace Bot.Domain.Classification;

public enum RetrainOutcome
{
    Swapped,   // the candidate did at least as well in cross-validation and now grades demands
    Kept,      // the candidate did worse; the running model stays
    Unchanged, // the corrections gave the very model already running
    Skipped,   // no corrections yet: nothing new to learn from
}

// One retrain: both cross-validated category macro-F1 figures and what came of them.
public sealed record RetrainRecord(DateTimeOffset StartedAt, DateTimeOffset FinishedAt, string RunningVersion, double? RunningMacroF1,
    string? CandidateVersion, double? CandidateMacroF1, int Examples, int Corrections, RetrainOutcome Outcome);
