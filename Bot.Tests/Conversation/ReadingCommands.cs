using Bot.Conversation;

namespace Bot.Tests.Conversation;

public sealed class ReadingCommands
{
    [Theory]
    [InlineData("接单 12", Verb.Accept, "12")]
    [InlineData("accept D20261121-0042", Verb.Accept, "D20261121-0042")]
    [InlineData("进展　12　已联系电工", Verb.Progress, "12")]
    [InlineData("办结 12 换了新灯泡", Verb.Resolve, "12")]
    [InlineData("分类 12 roads orange", Verb.Relabel, "12")]
    [InlineData("查询", Verb.Status, null)]
    [InlineData("绑定 张三 13800000000", Verb.Bind, "张三")]
    [InlineData("村口路灯坏了", Verb.None, null)]
    [InlineData("接单子的人什么时候来", Verb.None, null)]
    public void A_line_reads_as_its_verb_and_arguments(string line, Verb verb, string? first)
    {
        var command = ChatCommand.Parse(line);

        Assert.Equal((verb, first), (command.Verb, command.Arg(0)));
    }

    [Theory]
    [InlineData("满意", "满意", null)]
    [InlineData("3 还是漏水", "3", "还是漏水")]
    [InlineData("不满意，根本没人来", "不满意", "根本没人来")]
    [InlineData("基本满意 就是慢了点", "基本满意", "就是慢了点")]
    public void A_rating_keeps_its_comment(string line, string value, string? comment)
    {
        var command = ChatCommand.Parse(line);

        Assert.Equal(Verb.Rate, command.Verb);
        Assert.Equal(value, command.Arg(0));
        Assert.Equal(comment, command.RestFrom(1) is { Length: > 0 } c ? c : null);
    }

    [Fact]
    public void The_rest_of_a_progress_note_keeps_its_spaces()
    {
        Assert.Equal("已联系 电工 明天来", ChatCommand.Parse("进展 12 已联系 电工 明天来").RestFrom(1));
    }
}
