using Bot.Domain.Demands;

namespace Bot.Jobs;

// The windows the jobs keep (docs/jobs.md); time limits themselves are TimeLimitOptions. Read when a
// demand is (re)scheduled, so a change applies from each demand's next state change.
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    // A task not accepted within this reminds its handler; twice this escalates it.
    public ColourWindows AcceptWindow { get; set; } = new(TimeSpan.FromHours(2), TimeSpan.FromHours(8), TimeSpan.FromHours(24));

    // Shares of the time limit at which the handler is reminded; a third reminder comes at the limit.
    public double FirstReminderAt { get; set; } = 0.5;
    public double SecondReminderAt { get; set; } = 0.8;

    // How long after the limit an unresolved demand is handed up one level.
    public TimeSpan EscalationGrace { get; set; } = TimeSpan.FromHours(1);

    // At the district office there is no level above: the alert repeats this often instead.
    public TimeSpan DistrictAlertEvery { get; set; } = TimeSpan.FromDays(1);

    // The card follows the resolution push instead of racing the moment of resolution, when the
    // handler or an early rating may still be changing the demand.
    public TimeSpan SurveyDelay { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan SurveyReminderAfter { get; set; } = TimeSpan.FromHours(24);
    public TimeSpan SurveyCloseAfter { get; set; } = TimeSpan.FromHours(72);

    // Quartz cron expressions, Asia/Shanghai time.
    public string WeeklyReportCron { get; set; } = "0 0 8 ? * MON";
    public string MonthlyEvaluationCron { get; set; } = "0 0 8 1 * ?";
    public string ClassifierRetrainCron { get; set; } = "0 0 3 ? * SUN";

    public double EvaluationBottomShare { get; set; } = 0.2;
    public int EvaluationMinRated { get; set; } = 5;

    // How often a sweep reschedules demands whose schedule did not follow a change (a database blip after commit).
    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromMinutes(10);
}

public sealed class ColourWindows
{
    public ColourWindows() { }

    public ColourWindows(TimeSpan green, TimeSpan blue, TimeSpan orange) => (Green, Blue, Orange) = (green, blue, orange);

    public TimeSpan Green { get; set; }
    public TimeSpan Blue { get; set; }
    public TimeSpan Orange { get; set; }

    // An unclassified demand gets the middle grade, as in TimeLimitOptions.
    public TimeSpan For(Colour? colour) => (colour ?? Colour.Blue) switch
    {
        Colour.Green => Green,
        Colour.Blue => Blue,
        _ => Orange,
    };
}
