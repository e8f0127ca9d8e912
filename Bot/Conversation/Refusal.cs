using Bot.Domain.Demands;
using Bot.Domain.Messages;

namespace Bot.Conversation;

// A move the rules refused, said in plain Chinese; nothing was changed.
public static class Refusal
{
    public static ChatReply For(RuleViolation refused, Demand demand, string verb, Templates templates) => new(refused.Kind switch
    {
        RuleViolationKind.NotPermitted => templates.Render("refused-not-permitted", new { code = demand.Code }),
        RuleViolationKind.StaleVersion => templates.Render("refused-stale", new { code = demand.Code }),
        RuleViolationKind.TopLevelReached => templates.Render("refused-top-level", new { code = demand.Code }),
        _ => templates.Render("refused-illegal", new { code = demand.Code, status = Wording.Status(demand.Status), verb }),
    });
}
