using System.Text;
using System.Text.RegularExpressions;
using Bot.Classification;
using Bot.Domain.Classification;
using Bot.Domain.Classification.Evaluation;
using Bot.Domain.Demands;

namespace Bot.Tests.Classification;

public sealed class ReadingEvaluationFiles : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("classifier-eval-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    string Write(string name, byte[] content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    string Write(string content) => Write("file.tsv", Encoding.UTF8.GetBytes(content));

    [Fact]
    public void A_good_file_gives_its_examples()
    {
        var path = Write("text\tcategory\tcolor\n路灯不亮\tpower\tgreen\r\nThe bridge is cracked\troads\torange\n\n");

        var examples = CorpusFile.Read(path);

        Assert.Equal([new LabelledText("路灯不亮", Category.Power, Colour.Green), new LabelledText("The bridge is cracked", Category.Roads, Colour.Orange)], examples);
    }

    [Fact]
    public void Every_bad_line_is_reported_with_its_number()
    {
        var path = Write("text\tcategory\tcolor\n路灯不亮\tpower\n没电了\telectric\tblue\n水管爆了\twater\tred\n好的\twater\tblue\n");

        var e = Assert.Throws<CorpusFormatException>(() => CorpusFile.Read(path));

        Assert.Equal([2, 3, 4], e.Errors.Select(x => x.Line));
        Assert.Contains("3 tab-separated columns", e.Errors[0].Reason);
        Assert.Contains("unknown category \"electric\"", e.Errors[1].Reason);
        Assert.Contains("unknown color \"red\"", e.Errors[2].Reason);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Invalid_utf8_is_reported_with_its_line()
    {
        var bytes = Encoding.UTF8.GetBytes("text\tcategory\tcolor\n路灯不亮\tpower\tgreen\n").Concat(new byte[] { 0xB7, 0xC5, 0x09 })
            .Concat(Encoding.UTF8.GetBytes("power\tgreen\n")).ToArray();

        var e = Assert.Throws<CorpusFormatException>(() => CorpusFile.Read(Write("gbk.tsv", bytes)));

        Assert.Equal(3, Assert.Single(e.Errors).Line);
        Assert.Contains("invalid UTF-8", e.Errors[0].Reason);
    }

    [Fact]
    public void A_file_without_the_header_is_refused()
    {
        var e = Assert.Throws<CorpusFormatException>(() => CorpusFile.Read(Write("路灯不亮\tpower\tgreen\n")));

        Assert.Equal(1, Assert.Single(e.Errors).Line);
    }

    [Fact]
    public async Task Eval_exits_non_zero_on_a_bad_file_and_on_a_missing_one()
    {
        var bad = Write("text\tcategory\tcolor\n路灯不亮\tpower\n");

        Assert.NotEqual(0, await ClassifierCli.RunAsync(["eval", bad, "--model", Repository.Model]));
        Assert.NotEqual(0, await ClassifierCli.RunAsync(["eval", Path.Combine(folder, "missing.tsv"), "--model", Repository.Model]));
    }

    [Fact]
    public async Task Cv_refuses_an_errors_file_in_a_missing_folder_before_it_works_and_writes_nothing()
    {
        var output = Path.Combine(folder, "no-such-folder", "misses.tsv");

        Assert.NotEqual(0, await ClassifierCli.RunAsync(["cv", "--corpus", Repository.TrainingCorpus, "--errors", output]));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void The_summary_line_has_the_agreed_shape()
    {
        var examples = CorpusFile.Read(Repository.HeldOutCorpus);
        var classifier = DemandClassifier.Load(Repository.Model);

        var line = EvaluationReport.Of("model", examples, examples.Select(e => classifier.Scores(e.Text)).ToArray()).SummaryLine();

        Assert.Matches(new Regex(@"^category_accuracy=\d\.\d{3} category_macro_f1=\d\.\d{3} color_accuracy=\d\.\d{3} color_macro_f1=\d\.\d{3} n=\d+$"), line);
        Assert.EndsWith($"n={examples.Count}", line);
    }
}
