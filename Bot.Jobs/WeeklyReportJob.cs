using System.Globalization;
using Bot.Domain.Demands;
using Bot.Domain.Evaluation;
using Bot.Domain.Messages;
using Bot.Domain.Outbox;
using Quartz;

namespace Bot.Jobs;

// Monday 08:00 (JobsOptions.WeeklyReportCron): each village secretary gets the past seven days.
[DisallowConcurrentExecution]
public sealed class WeeklyReportJob(ReportStore reports, OutboxStore outbox, QuietHours quiet, Templates templates, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("weekly-report", "reports");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default) =>
        context.Result = await RunAsync(clock.GetUtcNow(), ct);

    public async Task<JobRunReport> RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        var from = now.AddDays(-7);
        var day = DemandCode.LocalDay(now);
        var weeks = await reports.WeekAsync(from, now, ct);
        foreach (var w in weeks)
        {
            var text = templates.Render("weekly-report", new
            {
                village = w.VillageName, from = Wording.Time(from), to = Wording.Time(now), received = w.Received, resolved = w.Resolved,
                overdue = w.Overdue, onTimeRate = Wording.Percent(w.OnTimeRate), satisfactionRate = Wording.Percent(w.SatisfactionRate),
                oldest = w.Oldest.Select(o => new
                {
                    code = o.Code, status = Wording.Status(Enum.Parse<DemandStatus>(o.Status)), handlerName = o.HandlerName ?? "未指派",
                    days = (int)(now - new DateTimeOffset(DateTime.SpecifyKind(o.CreatedAt, DateTimeKind.Utc))).TotalDays,
                }).ToList(),
            });
            // One report per village, secretary and local day: a second firing the same day sends nothing.
            var key = $"weekly:{w.VillageId}:{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}:p{w.SecretaryId}";
            await outbox.EnqueueAsync(quiet.Apply(new OutboxMessage(key, w.SecretaryId, null, "weekly-report",
                new OutboxPayload(text, Notice: "report").ToJson()), now), ct);
        }
        return JobRunReport.Succeeded($"{weeks.Count} village report(s)");
    }
}
