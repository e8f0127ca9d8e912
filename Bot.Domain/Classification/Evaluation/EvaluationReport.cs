using Bot.Domain.Demands;

namespace Bot.Domain.Classification.Evaluation;

// How one method did on a labelled set: both heads, the auto-accept rule and the costly colour error.
public sealed record EvaluationReport(string Method, HeadReport Category, HeadReport Colour, double AutoAcceptShare,
    double AutoAcceptAccuracy, int OrangeCalledGreen, IReadOnlyList<Miss> Misses)
{
    public double OrangeRecall => Colour.Recall[(int)Demands.Colour.Orange];

    public static EvaluationReport Of(string method, IReadOnlyList<LabelledText> truth, IReadOnlyList<ClassifierScores> scores)
    {
        var category = new HeadReport(truth.Select(t => (int)t.Category).ToArray(), scores.Select(s => (int)s.DecidedCategory).ToArray(),
            scores.Select(s => s.Category).ToArray(), scores.Select(s => s.UncalibratedCategory).ToArray(), Enum.GetValues<Category>().Length);
        var colour = new HeadReport(truth.Select(t => (int)t.Colour).ToArray(), scores.Select(s => (int)s.DecidedColour).ToArray(),
            scores.Select(s => s.Colour).ToArray(), scores.Select(s => s.UncalibratedColour).ToArray(), Enum.GetValues<Colour>().Length);
        var accepted = Enumerable.Range(0, truth.Count).Where(i => scores[i].IsConfident).ToArray();
        return new EvaluationReport(method, category, colour,
            truth.Count == 0 ? 0 : accepted.Length / (double)truth.Count,
            accepted.Length == 0 ? 0 : accepted.Count(i => scores[i].DecidedCategory == truth[i].Category) / (double)accepted.Length,
            colour.Confusion[(int)Demands.Colour.Orange, (int)Demands.Colour.Green],
            Enumerable.Range(0, truth.Count)
                .Where(i => scores[i].DecidedCategory != truth[i].Category || scores[i].DecidedColour != truth[i].Colour)
                .Select(i => new Miss(truth[i], scores[i])).ToArray());
    }

    public string SummaryLine() => FormattableString.Invariant(
        $"category_accuracy={Category.Accuracy:0.000} category_macro_f1={Category.MacroF1:0.000} color_accuracy={Colour.Accuracy:0.000} color_macro_f1={Colour.MacroF1:0.000} n={Category.Count}");
}
