using Bot.Domain.Demands;

namespace Bot.Domain.Messages;

public static class Levels
{
    public static string Chinese(EscalationLevel level) => level switch
    {
        EscalationLevel.Member => "联户党员",
        EscalationLevel.Village => "村党支部",
        EscalationLevel.Town => "镇党委",
        _ => "区党群连心办",
    };
}
