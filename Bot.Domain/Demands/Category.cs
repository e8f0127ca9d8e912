namespace Bot.Domain.Demands;

// The codes are public interface (API, exports, evaluation files): docs/taxonomy.md.
public enum Category { Water, Roads, Power, Sanitation, Housing, Dispute, Welfare, Business, Agriculture, Care, Safety, Environment, Other }

public static class CategoryCodes
{
    public static string Code(this Category category) => category.ToString().ToLowerInvariant();

    public static bool TryParse(string? code, out Category category) =>
        Enum.TryParse(code?.Trim(), ignoreCase: true, out category)
        && Enum.IsDefined(category) && !int.TryParse(code, out _);

    public static string Chinese(this Category category) => category switch
    {
        Category.Water => "供水饮水",
        Category.Roads => "道路桥梁",
        Category.Power => "电力照明",
        Category.Sanitation => "环境卫生",
        Category.Housing => "住房安置",
        Category.Dispute => "矛盾纠纷",
        Category.Welfare => "社会保障与医疗",
        Category.Business => "就业创业",
        Category.Agriculture => "农业生产",
        Category.Care => "一老一小",
        Category.Safety => "平安建设",
        Category.Environment => "生态环境",
        _ => "其他",
    };
}
