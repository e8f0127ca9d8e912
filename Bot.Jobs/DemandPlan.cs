using Bot.Domain.Demands;
using Quartz;

namespace Bot.Jobs;

// One trigger a demand's state calls for. Step tells the job which one it is (the first or second
// missed acceptance, the share of the time limit gone).
public sealed record PlannedTrigger(JobKey Job, string Name, int Step, DateTimeOffset At, TimeSpan? RepeatEvery = null);

// What a demand's state calls for, computed from the demand and its timeline alone: the same state
// always gives the same plan, so rescheduling is "drop the demand's triggers, store the plan".
public static class DemandPlan
{
    public static IReadOnlyList<PlannedTrigger> For(Demand d, DemandMilestones m, JobsOptions o, DateTimeOffset now)
    {
        var plan = new List<PlannedTrigger>();
        // A reminder whose moment passed before this state began is not sent late; an action
        // (escalate, send the survey, close) still happens, at once.
        void Remind(JobKey job, string name, int step, DateTimeOffset at)
        {
            if (at >= now)
                plan.Add(new PlannedTrigger(job, name, step, at));
        }
        void Act(JobKey job, string name, int step, DateTimeOffset at, TimeSpan? every = null) =>
            plan.Add(new PlannedTrigger(job, name, step, at < now ? now : at, every));

        if (d.Status == DemandStatus.Assigned && d.HandlerId is not null && m.HandedAt is { } handed)
        {
            var window = o.AcceptWindow.For(d.Colour);
            Remind(AcceptReminderJob.Key, "accept-1", 1, handed + window);
            Act(AcceptReminderJob.Key, "accept-2", 2, handed + 2 * window);
        }
        if (d.IsWorkable && d.HandlerId is not null && d.DeadlineAt is { } deadline)
        {
            var start = m.WindowStartedAt ?? d.UpdatedAt;
            var limit = deadline - start;
            if (limit > TimeSpan.Zero)
            {
                Remind(DeadlineReminderJob.Key, "deadline-1", Percent(o.FirstReminderAt), start + limit * o.FirstReminderAt);
                Remind(DeadlineReminderJob.Key, "deadline-2", Percent(o.SecondReminderAt), start + limit * o.SecondReminderAt);
            }
            Remind(DeadlineReminderJob.Key, "deadline-3", 100, deadline);
            Act(OverdueEscalationJob.Key, "overdue", 0, deadline + o.EscalationGrace,
                d.Level == EscalationLevel.District ? o.DistrictAlertEvery : null);
        }
        if (d.Status == DemandStatus.Resolved && m.ResolvedAt is { } resolved)
        {
            if (!m.IsSurveySent)
                Act(SurveyDispatchJob.Key, "survey", 0, resolved + o.SurveyDelay);
            else if (m.SurveySentAt is { } sent)
            {
                Remind(SurveyReminderJob.Key, "survey-reminder", 0, sent + o.SurveyReminderAfter);
                Act(SurveyCloseJob.Key, "survey-close", 0, sent + o.SurveyCloseAfter);
            }
        }
        return plan;
    }

    static int Percent(double share) => (int)Math.Round(share * 100);
}
