using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using Bot.Tests.Simulator;

namespace Bot.Tests.Conversation;

// Whole conversations through the simulator (encrypted, over real HTTP), as people would have them.
public sealed class ConversationScripts(LiveBot bot) : IClassFixture<LiveBot>
{
    const string Villager = RunningSimulator.Villager, Member = RunningSimulator.Member, Secretary = "oDemoSecretary0001";

    async Task<string> SendAsync(string persona, object input)
    {
        var report = await bot.Simulator.SendAsync(persona, input);
        Assert.Equal("shown", report.GetProperty("outcome").GetString());
        return (await bot.Simulator.ReceivedAsync(persona)).Last(r => r.GetProperty("channel").GetString() == "passive")
            .GetProperty("text").GetString()!;
    }

    Task<string> SayAsync(string persona, string text) => SendAsync(persona, new { type = "text", content = text });

    static string CodeIn(string reply) => reply.Split("编号 ")[1][..14];

    // A report for 李建国 to work: when the classifier was unsure, the secretary assigns it to him by chat.
    async Task<string> ReportForTheMemberAsync(string text)
    {
        var code = CodeIn(await SayAsync(Villager, text));
        if (await OneAsync<string>("SELECT status FROM demand WHERE code = @code", new { code }) == "Triage")
            Assert.Contains("指派给 李建国", await SayAsync(Secretary, $"指派 {code} 13800000002"));
        return code;
    }

    Task<T> OneAsync<T>(string sql, object? args = null) => bot.Database.ScalarAsync<T>(sql, args);

    [Fact]
    public async Task A_follow_from_a_village_qr_code_welcomes_and_registers_the_stranger_in_that_village()
    {
        var welcome = await SendAsync(LiveBot.Stranger, new { type = "subscribe", key = "cangfang" });

        Assert.Contains("欢迎关注", welcome);
        Assert.Contains("仓房庄村", welcome);
        Assert.Equal("仓房庄村", await OneAsync<string>(
            "SELECT v.name FROM person p JOIN wechat_identity w ON w.person_id = p.id JOIN village v ON v.id = p.village_id WHERE w.oa_openid = @s",
            new { s = LiveBot.Stranger }));
    }

    [Fact]
    public async Task An_unbound_villager_who_cannot_be_matched_still_reports_and_the_secretary_triages_it()
    {
        await SendAsync(LiveBot.Stranger, new { type = "subscribe", key = "kuizhuang" });
        var unmatched = await SayAsync(LiveBot.Stranger, "绑定 路人甲 13912345678");
        var received = await SayAsync(LiveBot.Stranger, "村西头的桥栏杆断了，小孩过桥太危险");

        Assert.Contains("名册上没找到", unmatched);
        Assert.DoesNotContain("13912345678", unmatched);
        Assert.Contains("139****5678", unmatched);
        Assert.Contains("村党支部书记", received);
        var code = CodeIn(received);
        Assert.Equal(("Triage", "王书记"), (await OneAsync<string>("SELECT status FROM demand WHERE code = @code", new { code }),
            await OneAsync<string>("SELECT p.name FROM demand d JOIN person p ON p.id = d.handler_id WHERE d.code = @code", new { code })));
        var queue = await SayAsync(Secretary, "待分拣");
        Assert.Contains(code, queue);
    }

    [Fact]
    public async Task Binding_with_the_right_name_and_phone_links_the_household()
    {
        var wrongName = await SayAsync(LiveBot.Stranger, "绑定 张三 13800000001");
        var badPhone = await SayAsync(LiveBot.Stranger, "绑定 张大爷 1380000");

        Assert.Contains("名册上没找到", wrongName);
        Assert.Contains("不对", badPhone);
    }

    [Fact]
    public async Task A_report_with_a_photo_and_a_location_keeps_them_on_the_same_demand()
    {
        var received = await SayAsync(Villager, "家门口下水道堵了，污水漫到路上");
        var code = CodeIn(received);
        var located = await SendAsync(Villager, new { type = "location", latitude = 35.0912, longitude = 112.5723, label = "葵庄村一组", scale = 16 });
        var pictured = await SendAsync(Villager, new { type = "image", mediaId = "MEDIA_TEST_1" });

        Assert.Contains(code, located);
        Assert.Contains(code, pictured);
        Assert.Equal(35.0912m, await OneAsync<decimal>("SELECT latitude FROM demand WHERE code = @code", new { code }));
        Assert.Equal(1, await OneAsync<int>(
            "SELECT COUNT(*) FROM demand_photo p JOIN demand d ON d.id = p.demand_id WHERE d.code = @code", new { code }));
    }

    [Fact]
    public async Task A_photo_sent_in_chat_is_fetched_from_wechat_and_kept_before_its_media_id_expires()
    {
        var code = CodeIn(await SayAsync(Villager, "后院的化粪池满了往外冒"));
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01]), "file", "septic.jpg" },
        };
        (await bot.Simulator.Http.PostAsync($"sim/personas/{Villager}/image", form)).EnsureSuccessStatusCode();

        string stored = "";
        for (var i = 0; i < 150 && stored.Length == 0; i++)
        {
            await Task.Delay(100);
            stored = (await bot.Database.QueryAsync<string?>(
                "SELECT p.stored_path FROM demand_photo p JOIN demand d ON d.id = p.demand_id WHERE d.code = @code", new { code }))
                .FirstOrDefault() ?? "";
        }
        Assert.EndsWith(".jpg", stored);
        var folder = Path.GetFullPath(bot.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Bot.MiniProgram.MiniProgramOptions>>().Value.MediaFolder);
        Assert.Equal([0xFF, 0xD8, 0xFF], File.ReadAllBytes(Path.Combine(folder, stored))[..3]);
    }

    [Fact]
    public async Task A_villager_withdraws_an_open_demand_but_not_twice()
    {
        var code = CodeIn(await SayAsync(Villager, "邻居家的鸡天天跑到俺菜地里刨"));

        var withdrawn = await SayAsync(Villager, $"撤回 {code.ToLowerInvariant()}");
        var again = await SayAsync(Villager, $"撤回 {code}");

        Assert.Contains("已撤回", withdrawn);
        Assert.Contains("不能撤回", again);
        Assert.Equal("Withdrawn", await OneAsync<string>("SELECT status FROM demand WHERE code = @code", new { code }));
    }

    [Fact]
    public async Task Not_satisfied_reopens_the_demand_one_level_up_and_says_so()
    {
        var code = await ReportForTheMemberAsync("院墙外那根电线杆歪得厉害，怕倒了砸人");
        var number = int.Parse(code[^4..]).ToString();

        var accepted = await SayAsync(Member, $"接单 {number}");
        var resolved = await SayAsync(Member, $"办结 {code} 已请供电所扶正加固");
        var reopened = await SayAsync(Villager, "不满意 还是歪的");

        Assert.Contains("已接单", accepted);
        Assert.Contains("办结", resolved);
        Assert.Contains("村党支部", reopened);
        Assert.Contains("王书记", reopened);
        Assert.Equal(("Assigned", "Village"), (await OneAsync<string>("SELECT status FROM demand WHERE code = @code", new { code }),
            await OneAsync<string>("SELECT level FROM demand WHERE code = @code", new { code })));
        Assert.Equal("NotSatisfied", await OneAsync<string>(
            "SELECT r.value FROM rating r JOIN demand d ON d.id = r.demand_id WHERE d.code = @code", new { code }));
        var pushes = await bot.Database.QueryAsync<string>(
            "SELECT o.kind FROM outbox o JOIN demand d ON o.idempotency_key LIKE CONCAT('demand:', d.id, ':%') WHERE d.code = @code ORDER BY o.id", new { code });
        Assert.Equal(["demand-accepted", "demand-resolved"], pushes.Where(k => k.StartsWith("demand-")));
        Assert.Equal("task-assigned", pushes[^1]); // the reopened task, to the secretary
    }

    [Fact]
    public async Task The_survey_asks_for_the_rating_first_and_then_takes_the_next_line_as_its_comment()
    {
        var code = await ReportForTheMemberAsync("村委会门口的路灯不亮了，晚上开会看不见路");
        await SayAsync(Member, $"接单 {code}");
        await SayAsync(Member, $"办结 {code} 换了灯泡");
        var demandsBefore = await OneAsync<int>("SELECT COUNT(*) FROM demand");

        var asked = await SayAsync(Villager, "2");
        var recorded = await SayAsync(Villager, "修得挺快，就是晚上来的时候没打招呼");

        Assert.Contains("还有什么意见", asked);
        Assert.Contains("意见已记下", recorded);
        Assert.Equal(("BasicallySatisfied", "修得挺快，就是晚上来的时候没打招呼"), (
            await OneAsync<string>("SELECT r.value FROM rating r JOIN demand d ON d.id = r.demand_id WHERE d.code = @code", new { code }),
            await OneAsync<string>("SELECT r.comment FROM rating r JOIN demand d ON d.id = r.demand_id WHERE d.code = @code", new { code })));
        Assert.Equal(demandsBefore, await OneAsync<int>("SELECT COUNT(*) FROM demand"));
    }

    [Fact]
    public async Task Someone_elses_task_is_refused_and_a_villager_cannot_run_member_commands()
    {
        var code = await ReportForTheMemberAsync("巷子里的路灯一闪一闪的");
        await SayAsync(Member, $"接单 {code}");

        var secretaryTries = await SayAsync(Secretary, $"办结 {code} 我来办了");
        var villagerTries = await SayAsync(Villager, $"接单 {code}");
        var malformed = await SayAsync(Member, "接单");

        Assert.Contains("不归您处理", secretaryTries);
        Assert.Contains("党员和村干部", villagerTries);
        Assert.Contains("党员干部指令", malformed);
        Assert.Equal("Accepted", await OneAsync<string>("SELECT status FROM demand WHERE code = @code", new { code }));
    }

    [Fact]
    public async Task A_secretary_relabels_a_demand_and_the_correction_is_kept_for_training()
    {
        var code = CodeIn(await SayAsync(Villager, "那边的坡上有几块大石头松了"));

        var relabelled = await SayAsync(Secretary, $"分类 {code} safety orange");

        Assert.Contains("平安建设", relabelled);
        Assert.Equal(("safety", "orange"), (await OneAsync<string>("SELECT category FROM demand WHERE code = @code", new { code }),
            await OneAsync<string>("SELECT colour FROM demand WHERE code = @code", new { code })));
        Assert.Equal(1, await OneAsync<int>(
            "SELECT COUNT(*) FROM classifier_correction c JOIN demand d ON d.id = c.demand_id WHERE d.code = @code AND c.category = 'safety'",
            new { code }));
    }

    [Theory]
    [InlineData("查询 {0}")]
    [InlineData("查询 {1}")]
    [InlineData("查询 {2}")]
    [InlineData("status {3}")]
    public async Task A_code_typed_loosely_finds_the_villagers_own_demand(string pattern)
    {
        var code = CodeIn(await SayAsync(Villager, "三组的自来水这两天黄黄的"));
        var number = int.Parse(code[^4..]);
        var fullWidth = string.Concat(code.Select(c => char.IsAsciiDigit(c) ? (char)(c - '0' + '０') : c));

        var detail = await SayAsync(Villager, string.Format(pattern, code.ToLowerInvariant(), number, fullWidth, code[1..].Replace("-", "")));

        Assert.Contains(code, detail);
        Assert.Contains("提交", detail);
    }

    [Fact]
    public async Task The_paired_member_gets_the_task_push_and_the_villager_hears_of_the_acceptance()
    {
        var code = await ReportForTheMemberAsync("俺家屋后的电线被树枝压得快断了");
        var id = await OneAsync<long>("SELECT id FROM demand WHERE code = @code", new { code });

        var task = await SentAsync(id, "task-assigned", "李建国");
        await SayAsync(Member, $"接单 {code}");
        var accepted = await SentAsync(id, "demand-accepted", "张大爷");

        // Whichever channel the outbox chose (customer-service while the window lasts, else template),
        // the persona's chat shows the push.
        Assert.Contains(task, new[] { "custom", "template" });
        Assert.Contains(accepted, new[] { "custom", "template" });
        Assert.Contains(await bot.Simulator.ReceivedAsync(Villager), r => r.GetProperty("channel").GetString() == accepted);
    }

    // Pushes leave through the outbox dispatcher a moment later: wait until the row is sent, return its channel.
    async Task<string> SentAsync(long demandId, string kind, string recipient)
    {
        for (var i = 0; i < 150; i++)
        {
            var channel = (await bot.Database.QueryAsync<string?>("""
                SELECT o.channel FROM outbox o JOIN person p ON p.id = o.recipient_id
                WHERE o.idempotency_key LIKE CONCAT('demand:', @demandId, ':%') AND o.kind = @kind AND p.name = @recipient AND o.status = 'Sent'
                """, new { demandId, kind, recipient })).FirstOrDefault();
            if (channel is not null)
                return channel;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"no {kind} push to {recipient} was sent for demand {demandId}");
    }

    [Fact]
    public async Task A_member_lists_tasks_most_urgent_first()
    {
        var code = await ReportForTheMemberAsync("水管冻裂了，家里一点水都没有");

        var tasks = await SayAsync(Member, "任务");

        Assert.Contains("在办任务", tasks);
        Assert.Contains(code, tasks);
    }
}
