namespace Bot.Domain.Demands;

// Time limits per colour and per level (docs/domain.md "Colour grades"); configuration, not code.
public sealed class TimeLimitOptions
{
    public const string Section = "TimeLimits";

    public LevelWindows Green { get; set; } = new(TimeSpan.FromDays(1), TimeSpan.FromDays(1), TimeSpan.FromDays(3), TimeSpan.FromDays(7));
    public LevelWindows Blue { get; set; } = new(TimeSpan.FromDays(7), TimeSpan.FromDays(7), TimeSpan.FromDays(7), TimeSpan.FromDays(7));
    public LevelWindows Orange { get; set; } = new(TimeSpan.FromDays(30), TimeSpan.FromDays(30), TimeSpan.FromDays(30), TimeSpan.FromDays(30));

    // An unclassified demand (assigned from triage without a colour) gets the middle grade.
    public TimeSpan For(Colour? colour, EscalationLevel level) => (colour ?? Colour.Blue) switch
    {
        Colour.Green => Green.For(level),
        Colour.Blue => Blue.For(level),
        _ => Orange.For(level),
    };
}

public sealed class LevelWindows
{
    public LevelWindows() { }

    public LevelWindows(TimeSpan member, TimeSpan village, TimeSpan town, TimeSpan district) =>
        (Member, Village, Town, District) = (member, village, town, district);

    public TimeSpan Member { get; set; }
    public TimeSpan Village { get; set; }
    public TimeSpan Town { get; set; }
    public TimeSpan District { get; set; }

    public TimeSpan For(EscalationLevel level) => level switch
    {
        EscalationLevel.Member => Member,
        EscalationLevel.Village => Village,
        EscalationLevel.Town => Town,
        _ => District,
    };
}
