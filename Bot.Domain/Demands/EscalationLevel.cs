namespace Bot.Domain.Demands;

// party member ▸ village branch ▸ town ▸ district office (docs/domain.md "The escalation chain").
public enum EscalationLevel { Member, Village, Town, District }
