namespace Bot.Domain.Classification.Features;

// A term is a slice of normalised text, so looking it up in the dictionary needs no new string.
public readonly record struct TermSpan(int Start, int Length);

public static class TermScanner
{
    // At most three n-grams of characters start at each position, plus a word's unigram and bigram.
    public static int MaxTerms(int normalisedLength) => 5 * normalisedLength;

    public static int Scan(ReadOnlySpan<char> normalised, FeatureSettings settings, Span<TermSpan> terms)
    {
        var count = 0;
        var previousWordStart = -1;
        var start = 0;
        while (start < normalised.Length)
        {
            var end = normalised[start..].IndexOf(' ');
            end = end < 0 ? normalised.Length : start + end;
            if (normalised[start] == TextNormaliser.RunStart)
            {
                count = ScanRun(start, end - start, settings.MaxCharGram, terms, count);
                previousWordStart = -1;
            }
            else
            {
                terms[count++] = new TermSpan(start, end - start);
                count = ScanWord(start, end - start, settings.MaxWordCharGram, terms, count);
                // Word bigrams never bridge a CJK run: "wifi 坏了 today" has no "wifi today".
                if (settings.MaxWordGram >= 2 && previousWordStart >= 0)
                    terms[count++] = new TermSpan(previousWordStart, end - previousWordStart);
                previousWordStart = start;
            }
            start = end + 1;
        }
        return count;
    }

    static int ScanWord(int start, int length, int maxGram, Span<TermSpan> terms, int count)
    {
        for (var i = 0; i < length; i++)
            for (var n = 3; n <= maxGram && i + n <= length; n++)
                if (n < length) terms[count++] = new TermSpan(start + i, n);
        return count;
    }

    static int ScanRun(int start, int length, int maxGram, Span<TermSpan> terms, int count)
    {
        for (var i = 0; i < length; i++)
            for (var n = 1; n <= maxGram && i + n <= length; n++)
                // A lone marker says nothing; markers only matter next to a character.
                if (n > 1 || (i > 0 && i < length - 1))
                    terms[count++] = new TermSpan(start + i, n);
        return count;
    }
}
