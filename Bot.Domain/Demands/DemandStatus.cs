namespace Bot.Domain.Demands;

// docs/domain.md "A demand's life". Classification is instant, so a submitted demand leaves
// Submitted in the same transaction: to Assigned when the classifier is sure and a member is
// paired, to Triage for the village secretary otherwise.
public enum DemandStatus { Submitted, Triage, Assigned, Accepted, InProgress, Resolved, Closed, ClosedUnrated, Withdrawn }
