using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Domain.Demands;
using Bot.Domain.Outbox;
using Bot.Ledger;
using Bot.Public;
using Microsoft.AspNetCore.Authentication;

namespace Bot.MiniProgram;

public static class MiniProgramSetup
{
    public const string Users = "mp-users";
    public const string Staff = "mp-staff";
    public const string Supervisors = "mp-supervisors";

    public static IServiceCollection AddMiniProgram(this IServiceCollection services)
    {
        services.AddOptions<MiniProgramOptions>().BindConfiguration(MiniProgramOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<MediaStore>();
        services.AddSingleton<LedgerStore>();
        services.AddSingleton<EchoWallStore>();
        services.AddSingleton<StatsStore>();
        services.AddAuthentication(SessionAuthentication.Name)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthentication>(SessionAuthentication.Name, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Users, p => p.RequireAuthenticatedUser())
            .AddPolicy(Staff, p => p.RequireRole(Roles(ActorRole.PartyMember, ActorRole.Secretary, ActorRole.TownOfficer, ActorRole.DistrictOfficer, ActorRole.Admin)))
            .AddPolicy(Supervisors, p => p.RequireRole(Roles(ActorRole.Secretary, ActorRole.TownOfficer, ActorRole.DistrictOfficer, ActorRole.Admin)));
        services.AddThrottles();
        // Codes and states as strings, never numbers: category/colour come out as the taxonomy's codes.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(
            new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false)));
        return services;
    }

    // After the exception handler and status pages, so their problems cover sign-in and throttling too.
    public static void MapMiniProgram(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        var mp = app.MapGroup("/api/mp");
        mp.MapIdentity();
        mp.MapMedia();
        mp.MapVillagerDemands();
        mp.MapTasks();
        mp.MapVillage();
        app.MapPublic();
    }

    static string[] Roles(params ActorRole[] roles) => roles.Select(r => r.ToString()).ToArray();
}
