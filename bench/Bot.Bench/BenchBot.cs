using Bot.Demands;
using Bot.Hosting;
using Bot.Jobs;
using Bot.Outbox;
using Bot.Simulator;
using Bot.WeChat;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// One bot instance without its web side: Program.cs's Add calls for what the jobs and the outbox use
// (AddConversation and AddMiniProgram are left out: the chat and the mini-program play no part here).
// The outbox bench leaves the jobs out too (withJobs: false), so no scheduler competes for the cores.
static class BenchBot
{
    // running: false builds the container only, for storing triggers without firing or sending anything.
    public static IHost Build(string connectionString, string simUrl, bool running, bool withJobs = true)
    {
        var defaults = new SimulatorOptions();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = connectionString,
            ["WeChat:Token"] = defaults.Token,
            ["WeChat:EncodingAESKey"] = defaults.EncodingAESKey,
            ["WeChat:AppId"] = defaults.AppId,
            ["WeChat:AppSecret"] = defaults.AppSecret,
            ["WeChat:ApiBaseUrl"] = simUrl,
            // Nobody has written to the account lately, so reminders go as template messages.
            ["WeChat:Templates:task-reminder"] = "TPL_TASK_ASSIGNED",
            ["WeChat:Templates:task-assigned"] = "TPL_TASK_ASSIGNED",
            ["Outbox:PollInterval"] = "00:00:00.050",
            // Start = End: no quiet hours, so the figures do not depend on the hour the bench runs at.
            ["QuietHours:Start"] = "00:00",
            ["QuietHours:End"] = "00:00",
        });
        builder.Services.AddLogging(l => l.AddConsole().SetMinimumLevel(LogLevel.Warning));
        builder.Services.AddDatabase();
        builder.Services.AddDemands();
        builder.Services.AddWeChat();
        builder.Services.AddOutbox();
        if (withJobs)
            builder.Services.AddBotJobs();
        if (!running)
            builder.Services.RemoveAll<IHostedService>();
        return builder.Build();
    }
}
