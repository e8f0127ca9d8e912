using Bot.Simulator.Chat;
using Bot.Simulator.Delivery;
using Bot.Simulator.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Bot.Simulator.TestApi;

// The JSON API tests and the page drive the simulator with, under /sim.
public static class TestApiEndpoints
{
    public static RouteGroupBuilder MapTestApi(this IEndpointRouteBuilder app)
    {
        var sim = app.MapGroup("/sim").WithTags("Simulator");
        sim.MapGet("/config", Config);
        sim.MapGet("/personas", Personas);
        sim.MapPost("/personas/{persona}/send", Send);
        sim.MapPost("/personas/{persona}/image", SendImage).DisableAntiforgery();
        sim.MapGet("/personas/{persona}/received", Received);
        sim.MapGet("/personas/{persona}/chat", Chat);
        sim.MapPost("/personas/{persona}/wx-login", WxLogin);
        sim.MapPost("/personas/{persona}/subscribe-consent", Consent);
        sim.MapGet("/media/{id}", Media);
        sim.MapPost("/faults", PlanFault);
        sim.MapGet("/faults", (FaultInjector faults) => TypedResults.Ok(faults.Planned));
        sim.MapDelete("/faults", (FaultInjector faults) => { faults.Reset(); return TypedResults.NoContent(); });
        sim.MapPost("/tokens/invalidate", (TokenIssuer tokens) => { tokens.InvalidateAll(); return TypedResults.NoContent(); });
        sim.MapGet("/clock", (SimClock clock) => TypedResults.Ok(new { now = clock.GetUtcNow(), offsetSeconds = clock.Offset.TotalSeconds }));
        sim.MapPost("/clock/advance", AdvanceClock);
        sim.MapGet("/calls", (CallLog calls) => TypedResults.Ok(calls.All));
        sim.MapPost("/verify-url", VerifyUrl);
        sim.MapPost("/reset", Reset);
        return sim;
    }

    static Ok<object> Config(IOptions<SimulatorOptions> options)
    {
        var o = options.Value;
        return TypedResults.Ok<object>(new
        {
            o.BotCallbackUrl, mode = o.Mode.ToString(), o.AppId, o.OriginalId, o.MiniProgramAppId,
            menu = new[] { new { key = "REPORT", label = "我要反映" }, new { key = "MY_DEMANDS", label = "我的诉求" },
                new { key = "ECHO_WALL", label = "回音墙" }, new { key = "HELP", label = "帮助" } },
            templates = o.Templates, subscribeTemplates = o.SubscribeTemplates,
        });
    }

    static Ok<object[]> Personas(PersonaDirectory personas) =>
        TypedResults.Ok(personas.All.Select(p => (object)new
        {
            p.Name, p.Role, p.OpenId, p.MiniProgramOpenId, p.UnionId, following = personas.FollowOf(p).IsFollowing,
        }).ToArray());

    static async Task<Results<Ok<DeliveryReport>, NotFound, ValidationProblem, ProblemHttpResult>> Send(
        string persona, PersonaInput input, HttpRequest request, PersonaDirectory personas, PersonaActions actions, CancellationToken ct)
    {
        if (personas.Find(persona) is not { } who)
            return TypedResults.NotFound();
        try
        {
            return TypedResults.Ok(await actions.SendAsync(who, input, BaseUrl(request), ct));
        }
        catch (ArgumentException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["input"] = [e.Message] });
        }
        catch (InvalidOperationException e)
        {
            return TypedResults.Problem(statusCode: 409, title: e.Message);
        }
    }

    static async Task<Results<Ok<DeliveryReport>, NotFound, ValidationProblem, ProblemHttpResult>> SendImage(
        string persona, IFormFile file, HttpRequest request, PersonaDirectory personas, MediaStore media,
        PersonaActions actions, CancellationToken ct)
    {
        using var content = new MemoryStream();
        await file.CopyToAsync(content, ct);
        var stored = media.Save("image", content.ToArray(), file.ContentType, file.FileName);
        return await Send(persona, new PersonaInput("image", MediaId: stored.Id), request, personas, actions, ct);
    }

    static Results<Ok<IReadOnlyList<ChatEntry>>, NotFound> Received(string persona, PersonaDirectory personas, ChatLog chat) =>
        personas.Find(persona) is { } who
            ? TypedResults.Ok<IReadOnlyList<ChatEntry>>(chat.For(who.OpenId).Where(e => e.Channel != ChatChannel.Sent).ToList())
            : TypedResults.NotFound();

    static Results<Ok<IReadOnlyList<ChatEntry>>, NotFound> Chat(string persona, long? after, PersonaDirectory personas, ChatLog chat) =>
        personas.Find(persona) is { } who ? TypedResults.Ok(chat.For(who.OpenId, after ?? 0)) : TypedResults.NotFound();

    static Results<Ok<object>, NotFound> WxLogin(string persona, PersonaDirectory personas, LoginCodes codes) =>
        personas.Find(persona) is { } who ? TypedResults.Ok<object>(new { code = codes.Issue(who) }) : TypedResults.NotFound();

    static Results<Ok<object>, NotFound, ValidationProblem> Consent(string persona, ConsentRequest consent,
        PersonaDirectory personas, SubscribeCredits credits, IOptions<SimulatorOptions> options)
    {
        if (personas.Find(persona) is not { } who)
            return TypedResults.NotFound();
        if (!options.Value.SubscribeTemplates.ContainsKey(consent.TemplateId) || consent.Count < 1)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["templateId"] = [$"Use one of {string.Join(", ", options.Value.SubscribeTemplates.Keys)} and a count ≥ 1."],
            });
        return TypedResults.Ok<object>(new { credits = credits.Grant(who.MiniProgramOpenId, consent.TemplateId, consent.Count) });
    }

    static Results<FileContentHttpResult, NotFound> Media(string id, MediaStore media) =>
        media.Find(id) is { } found ? TypedResults.File(found.Content, found.ContentType) : TypedResults.NotFound();

    static Results<NoContent, ValidationProblem> PlanFault(FaultRequest fault, FaultInjector faults)
    {
        if (fault.Count < 1 || (fault.Kind == FaultKind.Slow && fault.DelayMs <= 0))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["fault"] = ["count must be ≥ 1, and a slow fault needs delayMs > 0."],
            });
        faults.Plan(new Fault(fault.Path, fault.Count, fault.Kind, fault.DelayMs, fault.ErrorCode));
        return TypedResults.NoContent();
    }

    static Ok<object> AdvanceClock(ClockAdvanceRequest advance, SimClock clock)
    {
        clock.Advance(TimeSpan.FromSeconds(advance.Seconds));
        return TypedResults.Ok<object>(new { now = clock.GetUtcNow(), offsetSeconds = clock.Offset.TotalSeconds });
    }

    static async Task<Ok<object>> VerifyUrl(CallbackDelivery delivery, CancellationToken ct)
    {
        try
        {
            var (passed, answer) = await delivery.VerifyUrlAsync(ct);
            return TypedResults.Ok<object>(new { passed, answer });
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return TypedResults.Ok<object>(new { passed = false, answer = e.Message });
        }
    }

    static NoContent Reset(IServiceProvider services)
    {
        services.GetRequiredService<SimClock>().Reset();
        services.GetRequiredService<PersonaDirectory>().Reset();
        services.GetRequiredService<TokenIssuer>().Reset();
        services.GetRequiredService<CustomAllowances>().Reset();
        services.GetRequiredService<SubscribeCredits>().Reset();
        services.GetRequiredService<LoginCodes>().Reset();
        services.GetRequiredService<MediaStore>().Reset();
        services.GetRequiredService<FaultInjector>().Reset();
        services.GetRequiredService<CallLog>().Reset();
        services.GetRequiredService<ChatLog>().Reset();
        return TypedResults.NoContent();
    }

    static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}";
}
