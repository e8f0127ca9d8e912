using Bot.Admin;
using Bot.Conversation;
using Bot.Demo;
using Bot.Demands;
using Bot.Domain.Storage;
using Bot.Health;
using Bot.Hosting;
using Bot.Jobs;
using Bot.MiniProgram;
using Bot.Outbox;
using Bot.Roster;
using Bot.WeChat;

// Commands that are not the server: `classifier ...`, `roster import ...`; the server takes --seed-demo.
if (args is ["classifier", ..])
    return await Bot.Classification.ClassifierCli.RunAsync(args[1..]);
var command = args.TakeWhile(a => !a.StartsWith("--")).ToArray();
var seedDemo = args.Contains("--seed-demo");
var hostArgs = args.Skip(command.Length).Where(a => a != "--seed-demo").ToArray();

PoolThreads.RaiseFloor(); // before anything can queue on the pool
var builder = WebApplication.CreateBuilder(hostArgs);
builder.Configuration.AddBotConfiguration();
builder.Services.AddDatabase();
builder.Services.AddAdmin();
builder.Services.AddDemands();
builder.Services.AddWeChat();
builder.Services.AddOutbox();
builder.Services.AddConversation();
builder.Services.AddMiniProgram();
builder.Services.AddBotJobs();
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();

var app = builder.Build();
if (!await app.PrepareDatabaseAsync() || !app.Services.LoadConversationParts())
    return 2;
if (command is ["roster", "import", .. var files])
    return await RosterCli.ImportAsync(app.Services, files);
if (command.Length > 0)
{
    await Console.Error.WriteLineAsync($"unknown command '{string.Join(' ', command)}'; try: roster import FILE..., classifier ...");
    return 2;
}
await app.Services.ScheduleRecurringJobsAsync();
if (seedDemo)
    await app.Services.GetRequiredService<DemoSeeder>().SeedAsync();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapMiniProgram();
app.MapOpenApi();
app.MapHealth();
app.MapAdmin();
app.MapWeChatCallback();
await app.RunAsync();
return 0;

public partial class Program;
