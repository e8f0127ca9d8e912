using System.Text.RegularExpressions;

namespace Bot.Simulator.Platform;

// The data value rules of §7.3, keyed by the placeholder's type prefix ("thing2" → thing). Keys without a known
// prefix (old-style "keyword1") pass unchecked, as do enum and const values.
public static partial class TemplateDataRules
{
    const string Date = @"\d{4}(年\d{1,2}月\d{1,2}日|-\d{1,2}-\d{1,2}|/\d{1,2}/\d{1,2})";
    const string Time = @"\d{1,2}:\d{2}(:\d{2})?";

    static readonly Dictionary<string, Func<string, bool>> Rules = new()
    {
        ["thing"] = v => Length(v) is > 0 and <= 20,
        ["number"] = v => v.Length <= 32 && NumberPattern().IsMatch(v),
        ["letter"] = v => LetterPattern().IsMatch(v),
        ["symbol"] = v => SymbolPattern().IsMatch(v),
        ["character_string"] = v => CharacterStringPattern().IsMatch(v),
        ["time"] = v => v.Split('~').All(p => TimePattern().IsMatch(p.Trim())),
        ["date"] = v => v.Split('~').All(p => DatePattern().IsMatch(p.Trim())),
        ["amount"] = v => AmountPattern().IsMatch(v),
        ["phone_number"] = v => PhonePattern().IsMatch(v),
        ["car_number"] = v => CarNumberPattern().IsMatch(v),
        ["name"] = v => v.Length > 0 && (ChinesePattern().IsMatch(v) ? Length(v) <= 10 : v.Length <= 20 && LatinNamePattern().IsMatch(v)),
        ["phrase"] = v => PhrasePattern().IsMatch(v),
    };

    // The first key whose value breaks its rule, or null when all pass.
    public static string? FirstInvalidKey(IReadOnlyDictionary<string, string> data) =>
        data.FirstOrDefault(d => Rules.TryGetValue(TypeOf(d.Key), out var rule) && !rule(d.Value)).Key;

    static string TypeOf(string key) => KeyPattern().Match(key) is { Success: true } m ? m.Groups[1].Value : key;

    // "Characters" is undocumented (§7.3); code points is the safe reading.
    static int Length(string value) => value.EnumerateRunes().Count();

    [GeneratedRegex(@"^([a-z_]+?)\d+$")] private static partial Regex KeyPattern();
    [GeneratedRegex(@"^[+-]?\d+(\.\d+)?$")] private static partial Regex NumberPattern();
    [GeneratedRegex("^[A-Za-z]{1,32}$")] private static partial Regex LetterPattern();
    [GeneratedRegex(@"^[^\p{L}\p{N}\s]{1,5}$")] private static partial Regex SymbolPattern();
    [GeneratedRegex(@"^[\x21-\x7E]{1,32}$")] private static partial Regex CharacterStringPattern();
    [GeneratedRegex($@"^({Date}\s*)?{Time}$")] private static partial Regex TimePattern();
    [GeneratedRegex($@"^{Date}(\s*{Time})?$")] private static partial Regex DatePattern();
    [GeneratedRegex(@"^[¥￥$]?\d{1,10}(\.\d{1,2})?元?$")] private static partial Regex AmountPattern();
    [GeneratedRegex(@"^[\d+\-() ]{1,17}$")] private static partial Regex PhonePattern();
    [GeneratedRegex(@"^[\u4e00-\u9fffA-Za-z0-9][A-Za-z0-9]{0,6}[\u4e00-\u9fffA-Za-z0-9]?$")] private static partial Regex CarNumberPattern();
    [GeneratedRegex(@"[\u4e00-\u9fff]")] private static partial Regex ChinesePattern();
    [GeneratedRegex(@"^[A-Za-z .·]+$")] private static partial Regex LatinNamePattern();
    [GeneratedRegex(@"^[\u4e00-\u9fff]{1,5}$")] private static partial Regex PhrasePattern();
}
