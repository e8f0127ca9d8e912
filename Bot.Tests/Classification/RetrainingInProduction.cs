using System.Net.Http.Json;
using System.Text.Json;
using Bot.Classification;
using Bot.Domain.Classification;
using Bot.Domain.Classification.Evaluation;
using Bot.Domain.Demands;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Classification;

// The weekly retrain: corpus plus corrections, compared by cross-validation, swapped in only when not
// worse, recorded either way, and adopted by every instance on the database.
public sealed class RetrainingInProduction : IAsyncLifetime
{
    // A sixth of the corpus and 3 folds keep each retrain to a few seconds.
    static readonly Lazy<string> SmallCorpus = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), $"retrain-corpus-{Guid.NewGuid():N}.tsv");
        var lines = File.ReadAllLines(Repository.TrainingCorpus);
        File.WriteAllLines(path, lines.Take(1).Concat(lines.Skip(1).Where((_, i) => i % 6 == 0)));
        return path;
    });

    readonly RetrainingBot bot = new(SmallCorpus.Value);

    public Task InitializeAsync() => bot.InitializeAsync();

    public Task DisposeAsync() => bot.DisposeAsync();

    RunningClassifier Running => bot.Services.GetRequiredService<RunningClassifier>();

    Task<RetrainRecord> RetrainAsync() => bot.Services.GetRequiredService<ClassifierRetraining>().RunAsync();

    [Fact]
    public async Task Without_corrections_nothing_is_trained_and_the_run_is_recorded()
    {
        var run = await RetrainAsync();

        Assert.Equal(RetrainOutcome.Skipped, run.Outcome);
        Assert.Null(run.CandidateVersion);
        var state = await bot.AdminClient().GetFromJsonAsync<JsonElement>("/api/admin/classifier");
        Assert.Equal(Running.Shipped.Version, state.GetProperty("running").GetString());
        Assert.Equal("skipped", state.GetProperty("retrains")[0].GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Both_figures_are_measured_and_the_swap_follows_them()
    {
        await CorrectAsync("坡上的石头松了，随时会滚下来砸到路过的人", "safety", "orange");

        var run = await RetrainAsync();

        Assert.NotNull(run.RunningMacroF1);
        Assert.NotNull(run.CandidateMacroF1);
        Assert.Equal(1, run.Corrections);
        Assert.Equal(run.CandidateMacroF1 >= run.RunningMacroF1 ? RetrainOutcome.Swapped : RetrainOutcome.Kept, run.Outcome);
        Assert.Equal(run.Outcome == RetrainOutcome.Swapped ? run.CandidateVersion : Running.Shipped.Version, Running.Current.Version);
    }

    [Fact]
    public async Task A_candidate_that_cross_validates_worse_is_not_swapped_in()
    {
        await CorrectAsync("坡上的石头松了，随时会滚下来砸到路过的人", "safety", "orange");
        await RecordRunningFigureAsync(1.0); // no candidate can beat a perfect running model

        var run = await RetrainAsync();

        Assert.Equal(RetrainOutcome.Kept, run.Outcome);
        Assert.Equal(1.0, run.RunningMacroF1);
        Assert.Equal(Running.Shipped.Version, Running.Current.Version);
        Assert.Equal(0, await bot.Database.ScalarAsync<long>("SELECT COUNT(*) FROM classifier_model"));
    }

    [Fact]
    public async Task A_swapped_model_grades_the_next_demand_here_and_on_another_instance()
    {
        await CorrectAsync("坡上的石头松了，随时会滚下来砸到路过的人", "safety", "orange");
        await RecordRunningFigureAsync(0.0);

        var run = await RetrainAsync();

        Assert.Equal(RetrainOutcome.Swapped, run.Outcome);
        Assert.Equal(run.CandidateVersion, Running.Current.Version);
        Assert.Equal(run.CandidateVersion, Running.Current.Classify("路灯不亮了").ModelVersion);
        await using var other = new RetrainingBot(SmallCorpus.Value, sharing: bot);
        await other.InitializeAsync();
        var adopted = other.Services.GetRequiredService<RunningClassifier>();
        for (var until = DateTime.UtcNow.AddSeconds(30); adopted.Current.Version != run.CandidateVersion && DateTime.UtcNow < until;)
            await Task.Delay(100);
        Assert.Equal(run.CandidateVersion, adopted.Current.Version);
    }

    [Fact]
    public async Task A_model_trained_beside_another_shipped_model_is_not_adopted()
    {
        await using (var connection = await bot.Database.Db.OpenAsync())
            await connection.ExecuteAsync("""
                INSERT INTO classifier_model (version, shipped_version, model, cv_macro_f1, examples, activated_at)
                VALUES ('0123456789ab', 'ba9876543210', x'00', 0.99, 10, UTC_TIMESTAMP(6))
                """);

        await bot.Services.GetRequiredService<ClassifierRefresher>().RefreshAsync(CancellationToken.None);

        Assert.Equal(Running.Shipped.Version, Running.Current.Version);
    }

    [Fact]
    public async Task A_corrupt_stored_model_is_refused_and_the_running_model_keeps_grading()
    {
        await using (var connection = await bot.Database.Db.OpenAsync())
            await connection.ExecuteAsync("""
                INSERT INTO classifier_model (version, shipped_version, model, cv_macro_f1, examples, activated_at)
                VALUES ('0123456789ab', @shipped, x'44434c4600', 0.99, 10, UTC_TIMESTAMP(6))
                """, new { shipped = Running.Shipped.Version });

        var refused = await Assert.ThrowsAsync<ClassifierModelException>(() =>
            bot.Services.GetRequiredService<ClassifierRefresher>().RefreshAsync(CancellationToken.None));

        Assert.Contains("classifier_model 0123456789ab", refused.Message);
        Assert.Equal(Running.Shipped.Version, Running.Current.Version);
    }

    [Fact]
    public async Task Corrections_that_change_nothing_give_the_running_model_and_no_swap()
    {
        await using var full = new RetrainingBot(Repository.TrainingCorpus);
        await full.InitializeAsync();
        var line = CorpusFile.Read(Repository.TrainingCorpus)[0];
        await CorrectAsync(line.Text, line.Category.Code(), line.Colour.Code(), full);

        var run = await full.Services.GetRequiredService<ClassifierRetraining>().RunAsync();

        Assert.Equal(RetrainOutcome.Unchanged, run.Outcome);
        Assert.Equal(run.RunningVersion, run.CandidateVersion);
    }

    async Task RecordRunningFigureAsync(double macroF1)
    {
        await using var connection = await bot.Database.Db.OpenAsync();
        await connection.ExecuteAsync("""
            INSERT INTO classifier_retrain (started_at, finished_at, running_version, running_cv_macro_f1, examples, corrections, outcome)
            VALUES (UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), @version, @macroF1, 0, 0, 'kept')
            """, new { version = Running.Shipped.Version, macroF1 });
    }

    async Task CorrectAsync(string text, string category, string colour, RetrainingBot? on = null)
    {
        await using var connection = await (on ?? bot).Database.Db.OpenAsync();
        await connection.ExecuteAsync("""
            INSERT INTO person (name, created_at) VALUES ('王书记', UTC_TIMESTAMP(6));
            INSERT INTO demand (code, villager_id, text, status, level, version, created_at, updated_at)
            VALUES (CONCAT('D20261122-', LPAD(LAST_INSERT_ID(), 4, '0')), LAST_INSERT_ID(), @text, 'Assigned', 'Member', 3, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6));
            INSERT INTO classifier_correction (demand_id, text, category, colour, corrected_by, corrected_at)
            VALUES (LAST_INSERT_ID(), @text, @category, @colour, 1, UTC_TIMESTAMP(6));
            """, new { text, category, colour });
    }

    sealed class RetrainingBot(string corpus, RetrainingBot? sharing = null) : BotApp
    {
        protected override Dictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            if (sharing is not null)
                settings["Database:ConnectionString"] = sharing.Database.ConnectionString;
            settings["Classifier:CorpusPath"] = corpus;
            settings["Classifier:RetrainFolds"] = "3";
            settings["Classifier:RefreshEvery"] = "00:00:00.200";
            return settings;
        }
    }
}
