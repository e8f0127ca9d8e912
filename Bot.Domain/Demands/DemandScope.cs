namespace Bot.Domain.Demands;

// Which demands a person may see and work on, as SQL over the demand table with the person's id
// bound as @me: their own tasks, plus every demand in the villages their role oversees. Chat and
// the mini-program both ask through here, so a secretary sees the same village in either.
public static class DemandScope
{
    public static string Visible(ActorRole role) => $"(handler_id = @me OR ({Overseen(role)}))";

    public static string Overseen(ActorRole role) => role switch
    {
        ActorRole.Secretary => "village_id IN (SELECT scope_id FROM person_role WHERE person_id = @me AND role = 'secretary')",
        ActorRole.TownOfficer => "village_id IN (SELECT v.id FROM village v JOIN person_role r ON r.scope_id = v.town_id AND r.role = 'town_officer' AND r.person_id = @me)",
        ActorRole.DistrictOfficer or ActorRole.Admin => "TRUE",
        _ => "FALSE",
    };
}
