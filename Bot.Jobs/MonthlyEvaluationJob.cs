using System.Globalization;
using Bot.Domain.Demands;
using Bot.Domain.Evaluation;
using Bot.Domain.Messages;
using Bot.Domain.Outbox;
using Bot.Domain.People;
using Quartz;

namespace Bot.Jobs;

// The 1st of the month (JobsOptions.MonthlyEvaluationCron): last month's figures per party member,
// stored in member_evaluation, and an early warning to the village secretary of each member in the
// bottom share of their town by satisfaction (TownRanking).
[DisallowConcurrentExecution]
public sealed class MonthlyEvaluationJob(ReportStore reports, PeopleStore people, OutboxStore outbox, QuietHours quiet,
    Templates templates, JobsOptions options, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("monthly-evaluation", "reports");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default) =>
        context.Result = await RunAsync(clock.GetUtcNow(), ct);

    public async Task<JobRunReport> RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        var today = DemandCode.LocalDay(now);
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var evaluations = TownRanking.Evaluate(await reports.MembersAsync(LocalStart(month), LocalStart(month.AddMonths(1)), ct),
            options.EvaluationBottomShare, options.EvaluationMinRated);
        await reports.SaveAsync(month, evaluations, now, ct);
        var warned = evaluations.Where(e => e.Warned).ToList();
        foreach (var e in warned)
        {
            var chain = await people.ChainAsync(e.Figures.VillageId, null, ct);
            if (chain.FirstFrom(EscalationLevel.Village) is not { HandlerId: var secretary })
                continue;
            var text = templates.Render("evaluation-warning", new
            {
                month = month.ToString("yyyy年M月", CultureInfo.InvariantCulture), memberName = e.Figures.Name, rated = e.Figures.Rated,
                satisfactionRate = Wording.Percent(e.Figures.SatisfactionRate), rank = e.Rank, ranked = e.Ranked,
                handled = e.Figures.Handled, onTimeRate = Wording.Percent(e.Figures.OnTimeRate),
                share = Wording.Percent(options.EvaluationBottomShare),
            });
            var key = $"evaluation:{month:yyyyMM}:p{e.Figures.PersonId}:to{secretary}";
            await outbox.EnqueueAsync(quiet.Apply(new OutboxMessage(key, secretary, null, "evaluation-warning",
                new OutboxPayload(text, Notice: "report").ToJson()), now), ct);
        }
        return JobRunReport.Succeeded($"{month:yyyy-MM}: {evaluations.Count} member(s) evaluated, {warned.Count} warned");
    }

    static DateTimeOffset LocalStart(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, DemandCode.China.GetUtcOffset(local)).ToUniversalTime();
    }
}
