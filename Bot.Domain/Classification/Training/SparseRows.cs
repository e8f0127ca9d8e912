using Bot.Domain.Classification.Features;

namespace Bot.Domain.Classification.Training;

// The training texts as one compressed sparse row matrix: row i's features are
// Columns[RowStart[i]..RowStart[i + 1]] with the matching Values.
public sealed class SparseRows
{
    SparseRows(int[] rowStart, int[] columns, float[] values, int columnCount)
    {
        RowStart = rowStart;
        Columns = columns;
        Values = values;
        ColumnCount = columnCount;
    }

    public int[] RowStart { get; }
    public int[] Columns { get; }
    public float[] Values { get; }
    public int ColumnCount { get; }
    public int RowCount => RowStart.Length - 1;

    public static SparseRows From(Vocabulary vocabulary, IReadOnlyList<string> texts)
    {
        var rowStart = new int[texts.Count + 1];
        var columns = new List<int>();
        var values = new List<float>();
        for (var i = 0; i < texts.Count; i++)
        {
            using var vector = vocabulary.Vectorise(texts[i]);
            foreach (var id in vector.Ids) columns.Add(id);
            foreach (var value in vector.Values) values.Add(value);
            rowStart[i + 1] = columns.Count;
        }
        return new SparseRows(rowStart, columns.ToArray(), values.ToArray(), vocabulary.Count);
    }
}
