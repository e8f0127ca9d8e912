using System.Text;
using System.Text.RegularExpressions;

namespace Bot.Domain;

// Mainland mobile numbers: 11 digits starting 1[3-9]. Shown to people only masked.
public static partial class Phone
{
    public static string Normalize(string typed)
    {
        var text = typed.Normalize(NormalizationForm.FormKC).Replace(" ", "").Replace("-", "");
        return text.StartsWith("+86") ? text[3..] : text;
    }

    public static bool IsValid(string typed) => Mobile().IsMatch(Normalize(typed));

    public static string Mask(string? phone) =>
        phone is { Length: 11 } p ? $"{p[..3]}****{p[7..]}" : "";

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Mobile();
}
