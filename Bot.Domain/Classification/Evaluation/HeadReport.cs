namespace Bot.Domain.Classification.Evaluation;

// The usual figures for one head: confusion matrix (rows true, columns decided), per-class
// precision/recall/F1, accuracy, macro-F1, top-2 accuracy and expected calibration error.
public sealed class HeadReport
{
    const int CalibrationBins = 15;

    public HeadReport(IReadOnlyList<int> truth, IReadOnlyList<int> decided, IReadOnlyList<double[]> probabilities,
        IReadOnlyList<double[]> uncalibrated, int classCount)
    {
        Count = truth.Count;
        Confusion = new int[classCount, classCount];
        for (var i = 0; i < Count; i++) Confusion[truth[i], decided[i]]++;
        Precision = new double[classCount];
        Recall = new double[classCount];
        F1 = new double[classCount];
        Support = new int[classCount];
        for (var c = 0; c < classCount; c++)
        {
            int truePositives = Confusion[c, c], decidedAs = 0;
            for (var k = 0; k < classCount; k++)
            {
                Support[c] += Confusion[c, k];
                decidedAs += Confusion[k, c];
            }
            Precision[c] = decidedAs == 0 ? 0 : truePositives / (double)decidedAs;
            Recall[c] = Support[c] == 0 ? 0 : truePositives / (double)Support[c];
            F1[c] = Precision[c] + Recall[c] == 0 ? 0 : 2 * Precision[c] * Recall[c] / (Precision[c] + Recall[c]);
        }
        Accuracy = Count == 0 ? 0 : Enumerable.Range(0, classCount).Sum(c => Confusion[c, c]) / (double)Count;
        var present = Enumerable.Range(0, classCount).Where(c => Support[c] > 0).ToArray();
        MacroF1 = present.Length == 0 ? 0 : present.Average(c => F1[c]);
        WorstF1 = present.Length == 0 ? 0 : present.Min(c => F1[c]);
        Top2Accuracy = Count == 0 ? 0 : Enumerable.Range(0, Count).Count(i => IsInTopTwo(probabilities[i], truth[i])) / (double)Count;
        CalibrationError = ExpectedCalibrationError(truth, probabilities);
        UncalibratedCalibrationError = ExpectedCalibrationError(truth, uncalibrated);
    }

    public int Count { get; }
    public int[,] Confusion { get; }
    public double[] Precision { get; }
    public double[] Recall { get; }
    public double[] F1 { get; }
    public int[] Support { get; }
    public double Accuracy { get; }
    public double MacroF1 { get; }
    public double WorstF1 { get; }
    public double Top2Accuracy { get; }
    public double CalibrationError { get; }
    public double UncalibratedCalibrationError { get; }

    // Ties rank by class order, so a one-hot guess has exactly one class in its top two.
    static bool IsInTopTwo(double[] p, int label) =>
        Enumerable.Range(0, p.Length).Count(k => p[k] > p[label] || p[k] == p[label] && k < label) < 2;

    // Top-probability ECE over 15 equal-width bins: Σ (n_b / N) · |accuracy_b − confidence_b|.
    static double ExpectedCalibrationError(IReadOnlyList<int> truth, IReadOnlyList<double[]> probabilities)
    {
        var count = new int[CalibrationBins];
        var correct = new int[CalibrationBins];
        var confidence = new double[CalibrationBins];
        for (var i = 0; i < truth.Count; i++)
        {
            var p = probabilities[i];
            var best = Array.IndexOf(p, p.Max());
            var bin = Math.Min((int)(p[best] * CalibrationBins), CalibrationBins - 1);
            count[bin]++;
            confidence[bin] += p[best];
            if (best == truth[i]) correct[bin]++;
        }
        var error = 0.0;
        for (var b = 0; b < CalibrationBins; b++)
            if (count[b] > 0) error += Math.Abs(correct[b] - confidence[b]) / truth.Count;
        return error;
    }
}
