var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "WeChat simulator");
app.Run();

public partial class SimulatorProgram;
