using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Bot.Domain.Demands;

// Human-friendly codes like D20261121-0042: the local (Asia/Shanghai) date and a per-day number.
public static partial class DemandCode
{
    public static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateOnly LocalDay(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, China).DateTime);

    public static string Format(DateOnly day, int number) =>
        $"D{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{number:D4}";

    // People type codes loosely: lower case, full-width digits, spaces, no dash, or only the number.
    public static LooseCode? Parse(string typed)
    {
        var text = typed.Normalize(NormalizationForm.FormKC).Trim().ToUpperInvariant().Replace(" ", "");
        var full = FullCode().Match(text);
        if (full.Success)
            return new LooseCode(Format(DateOnly.ParseExact(full.Groups[1].Value, "yyyyMMdd", CultureInfo.InvariantCulture),
                int.Parse(full.Groups[2].Value, CultureInfo.InvariantCulture)), null);
        var number = NumberOnly().Match(text);
        return number.Success ? new LooseCode(null, int.Parse(number.Groups[1].Value, CultureInfo.InvariantCulture)) : null;
    }

    [GeneratedRegex(@"^D?(20\d{6})-?(\d{1,4})$")]
    private static partial Regex FullCode();

    [GeneratedRegex(@"^D?-?(\d{1,4})$")]
    private static partial Regex NumberOnly();
}

// Either an exact code or just the day's number, to be matched among the user's own demands.
public sealed record LooseCode(string? Exact, int? Number)
{
    public bool Matches(string code) => Exact is not null
        ? code == Exact
        : Number is { } n && code.EndsWith($"-{n:D4}", StringComparison.Ordinal);
}
