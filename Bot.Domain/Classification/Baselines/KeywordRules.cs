using Bot.Domain.Classification.Training;
using Bot.Domain.Demands;

namespace Bot.Domain.Classification.Baselines;

// Hand-written keyword rules, the baseline a first version of the bot would have shipped: the
// category with the most keyword hits (Other when none), orange for project words, green for
// household-sized fixes, blue otherwise (docs/taxonomy.md).
public static class KeywordRules
{
    static readonly (Category Category, string[] Words)[] CategoryWords =
    [
        (Category.Water, ["自来水", "停水", "水管", "水龙头", "水表", "水费", "饮水", "水压", "井水", "水质", "没水", "tap water", "water pipe", "drinking water", "water meter"]),
        (Category.Roads, ["路", "桥", "涵洞", "护栏", "坑", "硬化", "水沟", "road", "bridge", "pothole", "lane"]),
        (Category.Power, ["停电", "没电", "电压", "电表", "电线", "电杆", "路灯", "跳闸", "供电", "power", "electricity", "street light", "voltage"]),
        (Category.Sanitation, ["垃圾", "厕所", "化粪池", "污水", "保洁", "臭", "rubbish", "garbage", "toilet", "sewage", "trash"]),
        (Category.Housing, ["危房", "房子", "屋顶", "漏雨", "墙", "宅基地", "安置房", "搬迁", "翻修", "house", "roof", "relocation"]),
        (Category.Dispute, ["纠纷", "吵架", "矛盾", "邻居", "工钱", "工资", "欠", "地界", "补偿款", "分配", "quarrel", "neighbour", "neighbor", "wages", "dispute"]),
        (Category.Welfare, ["医保", "养老金", "低保", "残疾", "卫生室", "医生", "看病", "报销", "社保", "pension", "insurance", "clinic", "doctor", "allowance"]),
        (Category.Business, ["工作", "就业", "培训", "贷款", "执照", "营业", "开店", "创业", "合作社", "job", "loan", "licence", "license", "training", "shop"]),
        (Category.Agriculture, ["庄稼", "虫", "猪", "牛", "羊", "鸡", "兽医", "灌溉", "水渠", "抽水", "种子", "化肥", "补贴", "农田", "稻", "crop", "pest", "livestock", "irrigation", "farm"]),
        (Category.Care, ["老人", "独居", "留守", "孩子", "学校", "幼儿园", "校车", "上学", "养老", "elderly", "school", "kindergarten", "children", "child"]),
        (Category.Safety, ["偷", "被盗", "诈骗", "骗", "火灾", "隐患", "危险", "滑坡", "洪水", "野狗", "狗", "车速", "theft", "stolen", "fraud", "scam", "fire", "landslide", "flood", "dog"]),
        (Category.Environment, ["污染", "排污", "烟", "噪音", "异味", "臭味", "工厂", "养殖场", "采石", "焚烧", "秸秆", "pollution", "factory", "noise", "smoke", "fumes", "quarry"]),
        (Category.Other, ["信号", "网络", "宽带", "快递", "身份证", "户口", "文化", "广场舞", "signal", "internet", "parcel", "id card"]),
    ];

    static readonly string[] OrangeWords = ["修建", "新建", "拓宽", "扩建", "修条路", "修路", "修桥", "建桥", "改造", "搬迁", "安置", "重建", "管网", "项目", "硬化", "规划", "历史", "widen", "build", "rebuild", "relocat", "project", "resettle"];
    static readonly string[] GreenWords = ["坏了", "不亮", "堵了", "堵住", "帮忙", "帮我", "填表", "吵架", "捡", "清理", "没收", "盖章", "哪里办", "bulb", "blocked", "help me", "fill in", "form"];

    public static ClassifierScores Scores(string text)
    {
        var lower = text.ToLowerInvariant();
        var hits = CategoryWords.Select(c => c.Words.Count(w => lower.Contains(w, StringComparison.Ordinal))).ToArray();
        var category = hits.Max() == 0 ? Category.Other : CategoryWords[Array.IndexOf(hits, hits.Max())].Category;
        var colour = OrangeWords.Any(w => lower.Contains(w, StringComparison.Ordinal)) ? Colour.Orange
            : GreenWords.Any(w => lower.Contains(w, StringComparison.Ordinal)) ? Colour.Green
            : Colour.Blue;
        var c = OneHot(Enum.GetValues<Category>().Length, (int)category);
        var k = OneHot(Enum.GetValues<Colour>().Length, (int)colour);
        return new ClassifierScores(c, k, c, k, category, colour, IsConfident: false);
    }

    // Rules have no probabilities; the decision gets all the mass, so their ECE is their error rate.
    static double[] OneHot(int length, int index)
    {
        var p = new double[length];
        p[index] = 1;
        return p;
    }
}
