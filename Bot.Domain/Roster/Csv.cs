using System.Text;

namespace Bot.Domain.Roster;

public sealed record CsvRow(int Line, IReadOnlyList<string> Fields);

// RFC 4180: commas, double quotes with "" escapes, quoted fields may hold commas and newlines.
public static class Csv
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Decodes UTF-8 with or without BOM; bad bytes are reported with their line number.
    public static string Decode(byte[] bytes)
    {
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            var bad = e.Index >= 0 ? start + e.Index : FirstBadByte(bytes, start);
            var line = 1 + bytes.AsSpan(0, Math.Clamp(bad, 0, bytes.Length)).Count((byte)'\n');
            throw new FormatException($"line {line}: the file is not valid UTF-8 (save it as UTF-8, e.g. \"CSV UTF-8\" in Excel)");
        }
    }

    static int FirstBadByte(byte[] bytes, int start)
    {
        for (var end = start + 1; end <= bytes.Length; end++)
        {
            try { StrictUtf8.GetString(bytes, start, end - start); }
            catch (DecoderFallbackException) { return end - 1; }
        }
        return bytes.Length;
    }

    public static IEnumerable<CsvRow> Read(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var rowLine = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; field.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0: quoted = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear();
                    if (fields.Any(f => f.Length > 0)) yield return new CsvRow(rowLine, fields);
                    fields = []; line++; rowLine = line;
                    break;
                default: field.Append(c); break;
            }
        }
        if (quoted)
            throw new FormatException($"line {rowLine}: a quoted field is never closed");
        fields.Add(field.ToString());
        if (fields.Any(f => f.Length > 0)) yield return new CsvRow(rowLine, fields);
    }
}
