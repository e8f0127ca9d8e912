using System.Globalization;
using System.Text;
using System.Text.Json;
using Bot.Domain.Demands;

namespace Bot.Ledger;

// The ledger for Excel: UTF-8 with a BOM (without one Excel reads Chinese as mojibake), CRLF lines,
// RFC 4180 quoting, times in Beijing time, codes from docs/taxonomy.md.
public static class LedgerCsv
{
    static readonly string[] Header =
    [
        "编号 code", "登记时间 created (UTC+8)", "区 district", "镇 town", "村 village", "类别 category", "颜色 colour", "状态 status",
        "层级 level", "群众 villager", "办理人 handler", "时限 deadline (UTC+8)", "办结时间 resolved (UTC+8)", "按时 on time",
        "办理结果 result", "评价 rating", "诉求 text",
    ];

    public static byte[] Write(IEnumerable<LedgerRow> rows)
    {
        var csv = new StringBuilder();
        Line(csv, Header);
        foreach (var r in rows)
            Line(csv, [
                r.Code, Time(r.CreatedAt), r.District, r.Town, r.Village, r.Category?.Code(), r.Colour?.Code(), Name(r.Status),
                Name(r.Level), r.Villager, r.Handler, Time(r.DeadlineAt), Time(r.ResolvedAt),
                r.OnTime is { } onTime ? (onTime ? "yes" : "no") : null, r.Result, r.Rating is { } rating ? Name(rating) : null, r.Text,
            ]);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    static void Line(StringBuilder csv, IEnumerable<string?> fields) =>
        csv.Append(string.Join(',', fields.Select(Field))).Append("\r\n");

    // A cell starting with = + - @ would run as a formula when opened; a leading apostrophe keeps it text.
    static string Field(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && "=+-@".Contains(text[0]))
            text = "'" + text;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }

    // The same spelling as the JSON API (camelCase enum names).
    static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    static string? Time(DateTimeOffset? at) =>
        at is { } t ? TimeZoneInfo.ConvertTime(t, DemandCode.China).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : null;
}
