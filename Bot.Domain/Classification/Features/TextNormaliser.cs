using System.Text;

namespace Bot.Domain.Classification.Features;

// Turns raw text into the form the n-gram scanner reads: NFKC, lower case, digit runs folded to "0",
// CJK runs and Latin words wrapped in start/end markers and separated by one space, so that
// "路灯不亮 street 3天" becomes "\u0002路灯不亮\u0003 \u0004street\u0005 \u00020天\u0003".
public static class TextNormaliser
{
    public const char RunStart = '\u0002';
    public const char RunEnd = '\u0003';
    public const char WordStart = '\u0004';
    public const char WordEnd = '\u0005';

    // Each input character yields at most itself, a space and two markers.
    public static int MaxOutputLength(int inputLength) => 4 * inputLength + 2;

    public static string Normalise(string text)
    {
        var prepared = Prepare(text);
        var buffer = new char[MaxOutputLength(prepared.Length)];
        return new string(buffer, 0, Normalise(prepared, buffer));
    }

    // NFKC can lengthen text ("㎡" → "m2"), so callers size the output from the prepared text.
    // string.Normalize allocates, so it runs only when a character outside the ranges NFKC leaves
    // alone (ASCII, CJK ideographs, CJK punctuation) or maps one-to-one (full-width forms) occurs.
    public static string Prepare(string text)
    {
        foreach (var c in text)
            if (!(c < '\u0080' || c is >= '\u4E00' and <= '\u9FFF' || c is >= '\u3000' and <= '\u3037'
                  || c is >= '\uFF01' and <= '\uFF5E' || c is >= '\u2010' and <= '\u2027'))
                return text.Normalize(NormalizationForm.FormKC);
        return text;
    }

    // Returns the number of characters written to output, which holds MaxOutputLength(source.Length).
    public static int Normalise(ReadOnlySpan<char> source, Span<char> output)
    {
        var written = 0;
        var state = Kind.Separator;
        for (var i = 0; i < source.Length; i++)
        {
            var c = Fold(source[i]);
            var kind = KindOf(c);
            if (kind == Kind.Digit)
            {
                while (i + 1 < source.Length && (IsDigit(Fold(source[i + 1]))
                       || IsDecimalPoint(source[i + 1]) && i + 2 < source.Length && IsDigit(Fold(source[i + 2]))))
                    i++;
                // A number joins the run it touches, so "3天" stays one CJK run and "a4" one word.
                if (state == Kind.Separator)
                    kind = i + 1 < source.Length && KindOf(Fold(source[i + 1])) == Kind.Cjk ? Kind.Cjk : Kind.Word;
                else
                    kind = state;
                c = '0';
            }
            if (kind != state)
            {
                written = Close(state, output, written);
                state = kind;
                if (kind == Kind.Separator) continue;
                if (written > 0) output[written++] = ' ';
                output[written++] = kind == Kind.Cjk ? RunStart : WordStart;
            }
            if (kind != Kind.Separator) output[written++] = c;
        }
        return Close(state, output, written);
    }

    static int Close(Kind state, Span<char> output, int written)
    {
        if (state == Kind.Cjk) output[written++] = RunEnd;
        if (state == Kind.Word) output[written++] = WordEnd;
        return written;
    }

    enum Kind { Separator, Cjk, Word, Digit }

    static Kind KindOf(char c) =>
        IsCjk(c) ? Kind.Cjk
        : IsDigit(c) ? Kind.Digit
        : char.IsLetter(c) ? Kind.Word
        : Kind.Separator;

    static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or '\u3007';

    static bool IsDigit(char c) => c is >= '0' and <= '9';

    static bool IsDecimalPoint(char c) => c is '.' or ',';

    // Full-width forms are mapped here as well as by NFKC because Prepare lets them through.
    static char Fold(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => char.ToLowerInvariant((char)(c - 0xFEE0)),
        '\u3000' => ' ',
        < '\u0080' => c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c,
        _ => char.ToLowerInvariant(c),
    };
}
