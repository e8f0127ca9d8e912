using Bot.Domain.Demands;
using Bot.Domain.Messages;
using Bot.Domain.People;
using Bot.WeChat.Inbound;

namespace Bot.Conversation;

// Turns one inbound message into one reply. Small talk and commands are recognised first;
// any other free text is a demand (docs/taxonomy.md "Beyond category and colour").
public sealed class ChatHandler(PeopleStore people, VillagerChat villagers, StaffChat staff, Templates templates, ConversationOptions options)
{
    public async Task<ChatReply> HandleAsync(InboundMessage message, CancellationToken ct)
    {
        var openId = message.FromUserName;
        return message switch
        {
            SubscribeEvent follow => await villagers.FollowAsync(openId, follow.SceneKey, ct),
            ScanEvent scan => await villagers.FollowAsync(openId, scan.SceneKey, ct),
            UnsubscribeEvent => await ForgetAsync(openId, ct),
            ClickEvent { MenuKey: "MY_DEMANDS" } => await villagers.ListAsync(openId, ct),
            ClickEvent { MenuKey: "REPORT" } => Say("report-prompt"),
            ClickEvent { MenuKey: "ECHO_WALL" } => Say("echo-wall", new { url = "" }),
            ClickEvent => await HelpAsync(openId, ct),
            TextMessage text => await TextAsync(openId, text.Content, ct),
            VoiceMessage { Recognition: { Length: > 0 } heard } => await TextAsync(openId, heard, ct),
            ImageMessage or VoiceMessage or LocationMessage => await villagers.AttachAsync(openId, message, options.AttachWindow, ct),
            _ => ChatReply.None,
        };
    }

    async Task<ChatReply> TextAsync(string openId, string content, CancellationToken ct)
    {
        switch (SmallTalk.Recognise(content))
        {
            case SmallTalkKind.Empty: return Say("empty-hint");
            case SmallTalkKind.Greeting: return Say("greeting");
            case SmallTalkKind.Thanks: return Say("thanks");
            case SmallTalkKind.FollowUp: return await villagers.ListAsync(openId, ct);
        }
        var command = ChatCommand.Parse(content);
        if (command.IsStaffOnly)
        {
            var me = await people.FindByOpenIdAsync(openId, ct);
            var role = me is null ? ActorRole.Villager : await people.RoleOfAsync(me.Id, ct);
            return role == ActorRole.Villager ? Say("staff-only") : await staff.RunAsync(me!, role, command, ct);
        }
        return command.Verb switch
        {
            Verb.Help => await HelpAsync(openId, ct),
            Verb.Bind => await villagers.BindAsync(openId, command, ct),
            Verb.Status when command.Arg(0) is { } code => await villagers.DetailAsync(openId, code, ct),
            Verb.Status => await villagers.ListAsync(openId, ct),
            Verb.Withdraw => await villagers.WithdrawAsync(openId, command, ct),
            Verb.Rate => await villagers.RateAsync(openId, command, ct),
            _ => await villagers.CommentAsync(openId, content.Trim(), options.CommentWindow, ct)
                 ?? await villagers.ReportAsync(openId, content.Trim(), ct),
        };
    }

    async Task<ChatReply> ForgetAsync(string openId, CancellationToken ct)
    {
        await people.ForgetOpenIdAsync(openId, ct);
        return ChatReply.None;
    }

    async Task<ChatReply> HelpAsync(string openId, CancellationToken ct)
    {
        var me = await people.FindByOpenIdAsync(openId, ct);
        var role = me is null ? ActorRole.Villager : await people.RoleOfAsync(me.Id, ct);
        return role == ActorRole.Villager
            ? Say("help")
            : new ChatReply(templates.Render("help") + "\n\n" + staff.Help(role).Text);
    }

    ChatReply Say(string template, object? model = null) => new(templates.Render(template, model));
}
