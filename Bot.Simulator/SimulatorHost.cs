using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Simulator.Api;
using Bot.Simulator.Chat;
using Bot.Simulator.Delivery;
using Bot.Simulator.Page;
using Bot.Simulator.Platform;
using Bot.Simulator.TestApi;

namespace Bot.Simulator;

// The simulator's entry. Not a global Program: the tests reference both the bot and the simulator.
public static class SimulatorHost
{
    public static void Main(string[] args) => Build(args).Run();

    // configure: Applied after configuration binding; tests use it for short timeouts and the fake bot's URL.
    public static WebApplication Build(string[] args, Action<SimulatorOptions>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var options = builder.Services.AddOptions<SimulatorOptions>().BindConfiguration(SimulatorOptions.Section);
        if (configure is not null)
            options.PostConfigure(configure);
        options.ValidateDataAnnotations().ValidateOnStart();

        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        });
        builder.Services.AddSingleton<SimClock>();
        builder.Services.AddSingleton<Ids>();
        builder.Services.AddSingleton<PersonaDirectory>();
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddSingleton<CustomAllowances>();
        builder.Services.AddSingleton<SubscribeCredits>();
        builder.Services.AddSingleton<LoginCodes>();
        builder.Services.AddSingleton<MediaStore>();
        builder.Services.AddSingleton<FaultInjector>();
        builder.Services.AddSingleton<CallLog>();
        builder.Services.AddSingleton<ChatLog>();
        builder.Services.AddTransient<PersonaActions>();
        // Each attempt has its own deadline (ReplyTimeout); the client's own timeout must not cut in first.
        builder.Services.AddHttpClient<CallbackDelivery>(http => http.Timeout = Timeout.InfiniteTimeSpan);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWeChatApiPipeline();
        app.MapTokenApi();
        app.MapMessageApi();
        app.MapMiniProgramApi();
        app.MapMediaApi();
        app.MapUserApi();
        app.MapTestApi();
        app.MapPage();
        return app;
    }
}
