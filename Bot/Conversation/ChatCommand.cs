namespace Bot.Conversation;

public enum Verb
{
    None, Help, Bind, Status, Withdraw, Rate,
    Tasks, Accept, Progress, Resolve, Escalate, Transfer, Triage, Relabel, Assign,
}

// One typed line read as a command: the verb, then the words after it.
public sealed record ChatCommand(Verb Verb, IReadOnlyList<string> Args)
{
    // Chinese keywords first; short English aliases for tests and docs.
    static readonly Dictionary<string, Verb> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["帮助"] = Verb.Help, ["help"] = Verb.Help, ["?"] = Verb.Help, ["？"] = Verb.Help, ["菜单"] = Verb.Help,
        ["绑定"] = Verb.Bind, ["bind"] = Verb.Bind,
        ["查询"] = Verb.Status, ["我的诉求"] = Verb.Status, ["进度"] = Verb.Status, ["status"] = Verb.Status,
        ["撤回"] = Verb.Withdraw, ["withdraw"] = Verb.Withdraw,
        ["满意"] = Verb.Rate, ["基本满意"] = Verb.Rate, ["不满意"] = Verb.Rate, ["1"] = Verb.Rate, ["2"] = Verb.Rate, ["3"] = Verb.Rate,
        ["任务"] = Verb.Tasks, ["我的任务"] = Verb.Tasks, ["tasks"] = Verb.Tasks,
        ["接单"] = Verb.Accept, ["accept"] = Verb.Accept,
        ["进展"] = Verb.Progress, ["progress"] = Verb.Progress,
        ["办结"] = Verb.Resolve, ["resolve"] = Verb.Resolve,
        ["上报"] = Verb.Escalate, ["escalate"] = Verb.Escalate,
        ["转交"] = Verb.Transfer, ["transfer"] = Verb.Transfer,
        ["待分拣"] = Verb.Triage, ["triage"] = Verb.Triage,
        ["分类"] = Verb.Relabel, ["relabel"] = Verb.Relabel,
        ["指派"] = Verb.Assign, ["assign"] = Verb.Assign,
    };

    public static readonly ChatCommand NotACommand = new(Verb.None, []);

    public bool IsStaffOnly => Verb >= Verb.Tasks;

    public string? Arg(int i) => i < Args.Count ? Args[i] : null;

    // The rest of the line after the first n arguments, e.g. a progress note with spaces in it.
    public string? RestFrom(int i) => i < Args.Count ? string.Join(' ', Args.Skip(i)) : null;

    public static ChatCommand Parse(string text)
    {
        var words = text.Trim().Split([' ', '　', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return NotACommand;
        if (Keywords.TryGetValue(words[0], out var verb))
            return new ChatCommand(verb, verb == Verb.Rate ? [words[0], .. words[1..]] : words[1..]);
        // "满意，修得很好" / "不满意没修好": a rating glued to its comment.
        foreach (var rating in (string[])["基本满意", "不满意", "满意"])
            if (words[0].StartsWith(rating) && words[0].Length <= rating.Length + 40 && text.Trim().Length <= 60)
                return new ChatCommand(Verb.Rate, [rating, text.Trim()[rating.Length..].TrimStart('，', ',', '。', ' ', '！', '!')]);
        return NotACommand;
    }
}
