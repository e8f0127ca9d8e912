namespace Bot.Domain.Demands;

public enum ActorRole { Villager, PartyMember, Secretary, TownOfficer, DistrictOfficer, Admin, System }

// Who asks for a change. PersonId is null only for the system (jobs).
public readonly record struct Actor(long? PersonId, ActorRole Role)
{
    public static readonly Actor System = new(null, ActorRole.System);

    public bool IsStaff => Role is ActorRole.PartyMember or ActorRole.Secretary or ActorRole.TownOfficer
        or ActorRole.DistrictOfficer or ActorRole.Admin;

    public bool IsSupervisor => Role is ActorRole.Secretary or ActorRole.TownOfficer or ActorRole.DistrictOfficer
        or ActorRole.Admin;
}
