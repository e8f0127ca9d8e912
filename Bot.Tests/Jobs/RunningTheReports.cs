using Bot.Domain.Demands;
using Bot.Domain.Evaluation;
using Bot.Domain.Messages;
using Bot.Domain.Outbox;
using Bot.Domain.People;
using Bot.Jobs;

namespace Bot.Tests.Jobs;

public sealed class RunningTheReports(JobsApp app) : IClassFixture<JobsApp>
{
    [Fact]
    public async Task Each_village_secretary_gets_one_weekly_report_with_the_oldest_open_demands()
    {
        var oldest = (await app.Get<DemandStore>().ListAsync(
            "village_id IS NOT NULL AND status NOT IN ('Closed', 'ClosedUnrated', 'Withdrawn') ORDER BY created_at, id LIMIT 1", new { }))[0];

        await app.Job<WeeklyReportJob>().RunAsync(app.Clock.Now, default);
        await app.Job<WeeklyReportJob>().RunAsync(app.Clock.Now, default); // a second firing the same day

        var secretary = await app.PersonAsync(JobsApp.Secretary);
        var reports = await app.Database.QueryAsync<string>(
            "SELECT CAST(payload AS CHAR) FROM outbox WHERE kind = 'weekly-report' AND recipient_id = @secretary", new { secretary });
        var report = OutboxPayload.FromJson(Assert.Single(reports)).Text;
        Assert.Contains("葵庄村", report);
        Assert.Contains("新收", report);
        Assert.Contains(oldest.Code, report);
        Assert.Equal(2, await app.Database.ScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE kind = 'weekly-report'"));
    }

    [Fact]
    public async Task The_monthly_evaluation_is_stored_and_warns_the_secretary_of_a_member_in_the_bottom_share()
    {
        var start = app.Clock.Now;
        var work = app.Get<DemandWork>();
        var member = new Actor(await app.PersonAsync(JobsApp.Member), ActorRole.PartyMember);
        var villager = new Actor(await app.PersonAsync(JobsApp.Villager), ActorRole.Villager);
        try
        {
            app.Clock.Now = new DateTimeOffset(2026, 10, 10, 2, 0, 0, TimeSpan.Zero);
            var demand = await work.ResolveAsync(await work.AcceptAsync(await app.ReportAsync(), member, default), member, "修好了", default);
            await work.RateAsync(demand, villager, RatingValue.BasicallySatisfied, null, default);
            app.Clock.Now = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero); // 08:00 in Asia/Shanghai
            // Every member with a rating is ranked; with a share of 1 the only ranked member is the bottom.
            var job = new MonthlyEvaluationJob(app.Get<ReportStore>(), app.Get<PeopleStore>(), app.Get<OutboxStore>(), app.Get<QuietHours>(),
                app.Get<Templates>(), new JobsOptions { EvaluationBottomShare = 1, EvaluationMinRated = 1 }, app.Clock);
            await job.RunAsync(app.Clock.Now, default);
            await job.RunAsync(app.Clock.Now, default);
        }
        finally
        {
            app.Clock.Now = start;
        }

        var row = await app.Database.QueryAsync<(long, long, long, long, int?, bool)>(
            "SELECT handled, on_time, rated, satisfied, rank_in_town, warned FROM member_evaluation WHERE month = '2026-10-01' AND person_id = @id",
            new { id = member.PersonId });
        Assert.Equal((1L, 1L, 1L, 1L, (int?)1, true), Assert.Single(row));
        Assert.Equal(5, await app.Database.ScalarAsync<long>("SELECT COUNT(*) FROM member_evaluation WHERE month = '2026-10-01'"));
        var secretary = await app.PersonAsync(JobsApp.Secretary);
        var warning = await app.Database.QueryAsync<string>(
            "SELECT CAST(payload AS CHAR) FROM outbox WHERE kind = 'evaluation-warning' AND recipient_id = @secretary", new { secretary });
        Assert.Contains("李建国", OutboxPayload.FromJson(Assert.Single(warning)).Text);
    }
}
