using System.Globalization;
using System.Text;

namespace Bot.Conversation;

public enum SmallTalkKind { None, Empty, Greeting, Thanks, FollowUp }

// Messages that are not demands: recognised before the classifier is asked (docs/taxonomy.md
// "Beyond category and colour"). Short and formulaic, so word lists do better than a model here.
public static class SmallTalk
{
    static readonly string[] Greetings =
        ["你好", "您好", "在吗", "在不在", "有人吗", "早上好", "上午好", "中午好", "下午好", "晚上好", "早啊", "早", "哈喽", "嗨",
         "hi", "hello", "hey", "good morning", "good evening"];

    static readonly string[] Thanks =
        ["谢谢", "感谢", "多谢", "谢了", "辛苦了", "麻烦你们了", "太好了", "好的", "好", "收到", "知道了", "明白了", "ok", "okay",
         "thanks", "thank you", "thx", "👍", "🙏"];

    // Asking after a demand already raised: answered with its progress, never a new demand.
    static readonly string[] FollowUps =
        ["咋样了", "怎么样了", "怎样了", "进度", "有消息", "有结果", "办了没", "办好了没", "修了没", "修好了没", "啥时候修", "什么时候修",
         "什么时候来", "啥时候来", "还没修", "还没人来", "处理了吗", "处理得怎么样", "有人管吗", "有人管没",
         "any update", "any news", "what's the status", "whats the status", "status of my", "when will someone come"];

    public static SmallTalkKind Recognise(string text)
    {
        var t = Normalise(text);
        if (t.Length == 0)
            return SmallTalkKind.Empty;
        if (!HasWords(t))
            return SmallTalkKind.Thanks; // emoji, punctuation only: a nod, not a demand
        if (Greetings.Any(g => t == g || (t.StartsWith(g) && t.Length <= g.Length + 3)))
            return SmallTalkKind.Greeting;
        // "谢谢你们把路灯修好了" thanks for something done: still thanks, as long as nothing asks for more.
        if (Thanks.Any(t.StartsWith) && !AsksForMore(t))
            return SmallTalkKind.Thanks;
        if (t.Length <= 48 && FollowUps.Any(t.Contains))
            return SmallTalkKind.FollowUp;
        return SmallTalkKind.None;
    }

    static bool AsksForMore(string t) =>
        t.Contains("但") || t.Contains("可是") || t.Contains("还有") || t.Contains("又") || t.Contains("没修") || t.Contains("坏")
        || t.Contains("but") || t.Contains("still") || t.Contains("broken");

    static string Normalise(string text)
    {
        var t = text.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant();
        return t.TrimEnd('!', '！', '。', '.', '~', '～', '?', '？', ' ', '啊', '呀', '哈', '呢');
    }

    static bool HasWords(string t) => t.Any(c =>
        char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.OtherSymbol);
}
