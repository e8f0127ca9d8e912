using System.Globalization;
using Bot.Domain.Demands;

namespace Bot.Domain.Messages;

// How states and times read to a villager: Chinese words and Asia/Shanghai time.
public static class Wording
{
    public static string Status(DemandStatus status) => status switch
    {
        DemandStatus.Submitted => "已提交",
        DemandStatus.Triage => "待村里分派",
        DemandStatus.Assigned => "已派给办理人",
        DemandStatus.Accepted => "已接单",
        DemandStatus.InProgress => "办理中",
        DemandStatus.Resolved => "已办结，待评价",
        DemandStatus.Closed => "已完结",
        DemandStatus.ClosedUnrated => "已完结（未评价）",
        _ => "已撤回",
    };

    public static string Event(DemandEventKind kind) => kind switch
    {
        DemandEventKind.Submitted => "提交",
        DemandEventKind.Classified => "自动分类",
        DemandEventKind.Assigned => "派单",
        DemandEventKind.Accepted => "接单",
        DemandEventKind.Progress => "进展",
        DemandEventKind.Escalated => "上报上级",
        DemandEventKind.Transferred => "转交",
        DemandEventKind.Resolved => "办结",
        DemandEventKind.SurveySent => "请您评价",
        DemandEventKind.Rated => "评价",
        DemandEventKind.Reopened => "重新办理",
        DemandEventKind.Withdrawn => "撤回",
        DemandEventKind.Closed => "完结",
        DemandEventKind.ClosedUnrated => "到期未评价，完结",
        _ => "重新分类",
    };

    public static string Time(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, DemandCode.China).ToString("M月d日 HH:mm", CultureInfo.InvariantCulture);

    public static string Span(TimeSpan span) =>
        span.TotalDays >= 1 && span.Ticks % TimeSpan.TicksPerDay == 0 ? $"{span.TotalDays:0}天"
        : span.TotalHours >= 1 ? $"{span.TotalHours:0.#}小时"
        : $"{Math.Max(1, span.TotalMinutes):0}分钟";

    public static string Percent(double? rate) => rate is { } r ? $"{r * 100:0.#}%" : "—";

    // Within one day the number alone is unambiguous among a villager's own demands.
    public static string ShortCode(string code) => code[(code.IndexOf('-') + 1)..].TrimStart('0');

    public static string MaskName(string name) => name.Length <= 1 ? name : name[0] + new string('*', Math.Min(name.Length - 1, 2));
}
