using System.Text;
using System.Text.RegularExpressions;

namespace Bot.Public;

// What may be shown to anyone: free text with every long run of digits starred out (phone numbers,
// ID numbers, bank cards, typed in full-width too), names reduced to the family name (张**).
public static partial class PublicText
{
    public static string? Scrub(string? text, int max)
    {
        if (text is null)
            return null;
        var plain = LongNumber().Replace(text.Normalize(NormalizationForm.FormKC), m => new string('*', m.Length));
        return plain.Length > max ? plain[..max] + "…" : plain;
    }

    [GeneratedRegex(@"\d[\d\s-]{5,}\d")]
    private static partial Regex LongNumber();
}
