using Bot.Domain.Demands;
using Bot.Domain.Outbox;
using Bot.Domain.People;
using Bot.WeChat;
using Bot.WeChat.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Bot.MiniProgram;

public sealed record LoginRequest(string? Code);
public sealed record LoginView(string Token, DateTimeOffset ExpiresAt, MeView Me);
public sealed record MeView(long PersonId, string Name, ActorRole Role, bool OnRoster, long? VillageId);
public sealed record SubscriptionsRequest(IReadOnlyList<string>? Accepted, IReadOnlyList<string>? LongTerm);

// Signing in with wx.login's code, signing out, who am I, and subscribe-message consents.
public static class IdentityEndpoints
{
    public static void MapIdentity(this RouteGroupBuilder mp)
    {
        mp.MapPost("/login", Login).WithTags("Mini-program: identity").AllowAnonymous().WithMetadata(Throttle.Login)
            .WithSummary("Exchange a wx.login code for a session token (jscode2session)");
        var signedIn = mp.MapGroup("").WithTags("Mini-program: identity").RequireAuthorization(MiniProgramSetup.Users);
        signedIn.MapPost("/logout", Logout).WithSummary("Revoke this session's token");
        signedIn.MapGet("/me", Me);
        signedIn.MapPost("/subscriptions", Subscribe).WithSummary("Record the subscribe-message templates the user accepted");
        signedIn.MapGet("/subscriptions", Subscriptions);
    }

    static async Task<Results<Ok<LoginView>, ValidationProblem, ProblemHttpResult>> Login(LoginRequest request, WeChatApiClient wechat,
        IOptions<WeChatOptions> options, SessionStore sessions, PeopleStore people, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var code = errors.Text("code", request.Code, 128);
        if (errors.Any)
            return errors.Problem();
        if (options.Value.MiniProgram is not { } app)
            return TypedResults.Problem(statusCode: 503, title: "Mini-program login is not configured.",
                detail: "Set WeChat:MiniProgramAppId and WeChat:MiniProgramSecret.");
        // session_key stays inside this call: nothing here decrypts the user's data, so it is not kept.
        var session = await wechat.CodeToSessionAsync(app.AppId, app.Secret, code, ct);
        if (session.Value is not { } found)
            return session.ErrorCode switch
            {
                40029 or 40163 => TypedResults.Problem(statusCode: 401, title: "This login code is not valid.",
                    detail: "It was already used, has expired (5 minutes) or was never issued; call wx.login again for a fresh one."),
                45011 => TypedResults.Problem(statusCode: 429, title: "WeChat refuses more logins for this user just now.",
                    detail: "Wait a minute and call wx.login again."),
                _ when session.Kind == WeChatErrorKind.Transient => TypedResults.Problem(statusCode: 503,
                    title: "WeChat did not answer the login; try again shortly."),
                _ => TypedResults.Problem(statusCode: 502, title: "WeChat refused the login.",
                    detail: $"jscode2session answered {session.ErrorCode}; check WeChat:MiniProgramAppId and WeChat:MiniProgramSecret."),
            };
        var person = await sessions.PersonForAsync(found.OpenId, found.UnionId, ct);
        var (token, expiresAt) = await sessions.OpenAsync(person.Id, ct);
        return TypedResults.Ok(new LoginView(token, expiresAt, await MeOf(person, people, ct)));
    }

    static async Task<NoContent> Logout(CurrentUser user, SessionStore sessions, CancellationToken ct)
    {
        await sessions.RevokeAsync(user.Token, ct);
        return TypedResults.NoContent();
    }

    static async Task<Ok<MeView>> Me(CurrentUser user, PeopleStore people, CancellationToken ct) =>
        TypedResults.Ok(await MeOf((await people.FindAsync(user.PersonId, ct))!, people, ct));

    static async Task<MeView> MeOf(Person person, PeopleStore people, CancellationToken ct) =>
        new(person.Id, person.Name, await people.RoleOfAsync(person.Id, ct), person.Phone is not null, person.VillageId);

    static async Task<Results<Ok<IReadOnlyList<SubscribeConsent>>, ValidationProblem>> Subscribe(SubscriptionsRequest request,
        CurrentUser user, SubscribeConsentStore consents, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (accepted, longTerm) = (request.Accepted ?? [], request.LongTerm ?? []);
        if (accepted.Count + longTerm.Count == 0)
            errors.Add("accepted", "Name at least one template id the user accepted.");
        foreach (var (field, ids) in new[] { ("accepted", accepted), ("longTerm", longTerm) })
            if (ids.Any(id => string.IsNullOrWhiteSpace(id) || id.Length > 64))
                errors.Add(field, "Template ids are 1 to 64 characters.");
        if (accepted.Count + longTerm.Count > 20)
            errors.Add("accepted", "At most 20 ids at once (wx.requestSubscribeMessage asks for 3).");
        if (errors.Any)
            return errors.Problem();
        return TypedResults.Ok(await consents.RecordAsync(user.PersonId, accepted, longTerm, ct));
    }

    static async Task<Ok<IReadOnlyList<SubscribeConsent>>> Subscriptions(CurrentUser user, SubscribeConsentStore consents, CancellationToken ct) =>
        TypedResults.Ok(await consents.ListAsync(user.PersonId, ct));
}
