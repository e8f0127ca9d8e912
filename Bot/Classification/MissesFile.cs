using System.Globalization;
using Bot.Domain.Classification.Evaluation;
using Bot.Domain.Demands;

namespace Bot.Classification;

// `classifier cv --errors FILE`: every out-of-fold miss as a TSV line, least confident first within
// each confusion pair, so a curator reads the lines where label and model disagree side by side.
static class MissesFile
{
    public static void Write(string path, IReadOnlyList<Miss> misses)
    {
        using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
        writer.WriteLine("text\tcategory\tcolor\tpredicted_category\tp_category\tpredicted_color\tp_color");
        var ordered = misses
            .OrderBy(m => m.Line.Category).ThenBy(m => m.Scores.DecidedCategory)
            .ThenBy(m => m.Scores.Category[(int)m.Scores.DecidedCategory]);
        foreach (var m in ordered)
            writer.WriteLine(string.Join('\t', m.Line.Text, m.Line.Category.Code(), m.Line.Colour.Code(),
                m.Scores.DecidedCategory.Code(), Probability(m.Scores.Category[(int)m.Scores.DecidedCategory]),
                m.Scores.DecidedColour.Code(), Probability(m.Scores.Colour[(int)m.Scores.DecidedColour])));
    }

    static string Probability(double p) => p.ToString("0.000", CultureInfo.InvariantCulture);
}
