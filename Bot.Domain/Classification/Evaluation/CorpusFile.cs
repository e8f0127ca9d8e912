using System.Text;
using Bot.Domain.Demands;

namespace Bot.Domain.Classification.Evaluation;

// Reads the corpus format: UTF-8, a header "text<TAB>category<TAB>color", then one labelled
// text per line with the codes of docs/taxonomy.md. Every bad line is reported, not just the first.
public static class CorpusFile
{
    public const string Header = "text\tcategory\tcolor";

    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IReadOnlyList<LabelledText> Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"No corpus file at {path}.", path);
        var examples = new List<LabelledText>();
        var errors = new List<CorpusError>();
        var lineNumber = 0;
        foreach (var bytes in Lines(File.ReadAllBytes(path)))
        {
            lineNumber++;
            string line;
            try
            {
                line = StrictUtf8.GetString(bytes).TrimEnd('\r');
            }
            catch (DecoderFallbackException e)
            {
                errors.Add(new CorpusError(lineNumber, $"invalid UTF-8 (byte offset {e.Index} in the line)"));
                continue;
            }
            if (lineNumber == 1)
            {
                if (!string.Equals(line.TrimStart('\uFEFF').Trim(), Header, StringComparison.OrdinalIgnoreCase))
                    errors.Add(new CorpusError(1, $"expected the header \"text<TAB>category<TAB>color\", found \"{Shorten(line)}\""));
                continue;
            }
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (Parse(line) is { } problem) errors.Add(new CorpusError(lineNumber, problem));
            else examples.Add(ToExample(line));
        }
        if (lineNumber == 0) errors.Add(new CorpusError(1, "the file is empty"));
        if (errors.Count > 0) throw new CorpusFormatException(path, errors);
        return examples;
    }

    public static void Write(string path, IEnumerable<LabelledText> examples)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var e in examples) text.Append(e.Text).Append('\t').Append(e.Category.Code()).Append('\t').Append(e.Colour.Code()).Append('\n');
        File.WriteAllText(path, text.ToString(), StrictUtf8);
    }

    static string? Parse(string line)
    {
        var columns = line.Split('\t');
        if (columns.Length != 3)
            return $"expected 3 tab-separated columns (text, category, color), found {columns.Length}";
        if (string.IsNullOrWhiteSpace(columns[0])) return "the text is empty";
        if (!CategoryCodes.TryParse(columns[1], out _))
            return $"unknown category \"{Shorten(columns[1])}\" (known: {string.Join(", ", Enum.GetValues<Category>().Select(c => c.Code()))})";
        if (!ColourCodes.TryParse(columns[2], out _))
            return $"unknown color \"{Shorten(columns[2])}\" (known: green, blue, orange)";
        return null;
    }

    static LabelledText ToExample(string line)
    {
        var columns = line.Split('\t');
        CategoryCodes.TryParse(columns[1], out var category);
        ColourCodes.TryParse(columns[2], out var colour);
        return new LabelledText(columns[0].Trim(), category, colour);
    }

    static IEnumerable<byte[]> Lines(byte[] content)
    {
        var start = 0;
        while (start < content.Length)
        {
            var end = Array.IndexOf(content, (byte)'\n', start);
            if (end < 0) end = content.Length;
            yield return content[start..end];
            start = end + 1;
        }
    }

    static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
