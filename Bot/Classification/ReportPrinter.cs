using System.Globalization;
using Bot.Domain.Classification.Evaluation;
using Bot.Domain.Demands;

namespace Bot.Classification;

static class ReportPrinter
{
    static readonly string[] CategoryNames = Enum.GetValues<Category>().Select(c => c.Code()).ToArray();
    static readonly string[] ColourNames = Enum.GetValues<Colour>().Select(c => c.Code()).ToArray();

    public static void Detailed(EvaluationReport report)
    {
        Console.WriteLine($"== {report.Method}: category ==");
        Head(report.Category, CategoryNames);
        Console.WriteLine($"== {report.Method}: colour ==");
        Head(report.Colour, ColourNames);
        Console.WriteLine(F($"orange recall {report.OrangeRecall:0.000}; orange called green: {report.OrangeCalledGreen}"));
        Console.WriteLine(F($"auto-accepted {report.AutoAcceptShare:P1} of demands, {report.AutoAcceptAccuracy:P1} of them with the right category"));
    }

    public static void Comparison(IEnumerable<EvaluationReport> reports)
    {
        Console.WriteLine("method               cat_acc cat_mF1 worst_F1 top2   col_acc col_mF1 orange_rec orange>green ECE_cat(raw>cal) ECE_col(raw>cal) auto_accept(acc)");
        foreach (var r in reports)
            Console.WriteLine(F($"{r.Method,-20} {r.Category.Accuracy,7:0.000} {r.Category.MacroF1,7:0.000} {r.Category.WorstF1,8:0.000} {r.Category.Top2Accuracy,6:0.000} {r.Colour.Accuracy,7:0.000} {r.Colour.MacroF1,7:0.000} {r.OrangeRecall,10:0.000} {r.OrangeCalledGreen,12} {r.Category.UncalibratedCalibrationError,7:0.000}>{r.Category.CalibrationError:0.000}    {r.Colour.UncalibratedCalibrationError,7:0.000}>{r.Colour.CalibrationError:0.000}    {r.AutoAcceptShare,6:0.000}({r.AutoAcceptAccuracy:0.000})"));
    }

    static void Head(HeadReport head, string[] names)
    {
        Console.WriteLine("class        precision recall  f1     support");
        for (var c = 0; c < names.Length; c++)
            Console.WriteLine(F($"{names[c],-12} {head.Precision[c],9:0.000} {head.Recall[c],6:0.000} {head.F1[c],6:0.000} {head.Support[c],7}"));
        Console.WriteLine(F($"accuracy {head.Accuracy:0.000}  macro-F1 {head.MacroF1:0.000}  worst F1 {head.WorstF1:0.000}  top-2 {head.Top2Accuracy:0.000}  ECE {head.UncalibratedCalibrationError:0.000} uncalibrated, {head.CalibrationError:0.000} calibrated"));
        Console.WriteLine("confusion (rows true, columns decided):");
        Console.WriteLine(new string(' ', 12) + string.Concat(names.Select(n => $"{Short(n),6}")));
        for (var t = 0; t < names.Length; t++)
            Console.WriteLine($"{names[t],-12}" + string.Concat(Enumerable.Range(0, names.Length).Select(d => $"{head.Confusion[t, d],6}")));
    }

    static string Short(string name) => name.Length <= 5 ? name : name[..5];

    static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
