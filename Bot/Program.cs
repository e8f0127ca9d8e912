if (args is ["classifier", ..]) return await Bot.Classification.ClassifierCli.RunAsync(args[1..]);
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/healthz", () => Results.Ok(new { status = "up" }));
await app.RunAsync();
return 0;

public partial class Program;
