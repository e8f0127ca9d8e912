using Bot.Domain.Classification.Features;
using Bot.Domain.Classification.Training;
using Bot.Domain.Demands;

namespace Bot.Domain.Classification.Baselines;

// Multiclass averaged perceptron (Collins 2002) on the same tf-idf vectors as the model, with a
// seeded shuffle per epoch. Its scores are not probabilities; softmax only ranks them.
public sealed class AveragedPerceptron
{
    const int Epochs = 10;
    readonly Vocabulary vocabulary;
    readonly LinearHead category, colour;

    AveragedPerceptron(Vocabulary vocabulary, LinearHead category, LinearHead colour)
    {
        this.vocabulary = vocabulary;
        this.category = category;
        this.colour = colour;
    }

    public static AveragedPerceptron Train(IReadOnlyList<LabelledText> examples, FeatureSettings features, int seed)
    {
        var texts = examples.Select(e => e.Text).ToArray();
        var vocabulary = Vocabulary.Build(texts, features);
        var rows = SparseRows.From(vocabulary, texts);
        return new AveragedPerceptron(vocabulary,
            Fit(rows, examples.Select(e => (int)e.Category).ToArray(), Enum.GetValues<Category>().Length, seed),
            Fit(rows, examples.Select(e => (int)e.Colour).ToArray(), Enum.GetValues<Colour>().Length, seed));
    }

    public ClassifierScores Scores(string text)
    {
        var rows = SparseRows.From(vocabulary, [text]);
        var c = new double[category.ClassCount];
        var k = new double[colour.ClassCount];
        category.Logits(rows, 0, c);
        colour.Logits(rows, 0, k);
        var decidedCategory = (Category)Array.IndexOf(c, c.Max());
        var decidedColour = (Colour)Array.IndexOf(k, k.Max());
        Softmax.InPlace(c);
        Softmax.InPlace(k);
        return new ClassifierScores(c, k, c, k, decidedCategory, decidedColour, IsConfident: false);
    }

    static LinearHead Fit(SparseRows rows, int[] labels, int classes, int seed)
    {
        var size = rows.ColumnCount * classes + classes;
        var weights = new double[size];
        // Σ over updates of (time of update) × change: averaged = weights − total / time.
        var timed = new double[size];
        var order = Enumerable.Range(0, rows.RowCount).ToArray();
        var random = new Random(seed);
        var time = 1;
        var scores = new double[classes];
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                Array.Copy(weights, rows.ColumnCount * classes, scores, 0, classes);
                for (var p = rows.RowStart[i]; p < rows.RowStart[i + 1]; p++)
                    for (var c = 0; c < classes; c++) scores[c] += rows.Values[p] * weights[rows.Columns[p] * classes + c];
                var guess = Array.IndexOf(scores, scores.Max());
                if (guess != labels[i])
                {
                    Update(rows, i, labels[i], classes, +1, time, weights, timed);
                    Update(rows, i, guess, classes, -1, time, weights, timed);
                }
                time++;
            }
        }
        var averaged = weights.Select((w, j) => w - timed[j] / time).ToArray();
        return new LinearHead(classes, averaged[..(rows.ColumnCount * classes)], averaged[(rows.ColumnCount * classes)..]);
    }

    static void Update(SparseRows rows, int i, int label, int classes, double sign, int time, double[] weights, double[] timed)
    {
        for (var p = rows.RowStart[i]; p < rows.RowStart[i + 1]; p++)
        {
            var j = rows.Columns[p] * classes + label;
            weights[j] += sign * rows.Values[p];
            timed[j] += time * sign * rows.Values[p];
        }
        var b = rows.ColumnCount * classes + label;
        weights[b] += sign;
        timed[b] += time * sign;
    }
}
