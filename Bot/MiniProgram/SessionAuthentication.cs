using System.Security.Claims;
using System.Text.Encodings.Web;
using Bot.Domain.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Bot.MiniProgram;

// "Authorization: Bearer <token>" from POST /api/mp/login. The role is read from the roster on every
// request, so a roster import that changes someone's role takes effect without a new sign-in.
public sealed class SessionAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, SessionStore sessions, PeopleStore people, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "MiniProgramSession";
    public const string TokenClaim = "mp_token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
            return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        // Session tokens are 43 characters of base64url; anything else (the admin key) is not ours to look up.
        if (token.Length != 43 || await sessions.PersonOfAsync(token, Context.RequestAborted) is not { } personId)
            return AuthenticateResult.NoResult();
        var role = await people.RoleOfAsync(personId, Context.RequestAborted);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, personId.ToString()), new Claim(ClaimTypes.Role, role.ToString()), new Claim(TokenClaim, token)],
            Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = 401, Title = "Sign in first.",
                Detail = "Send the token from POST /api/mp/login as 'Authorization: Bearer <token>'; an expired or revoked one needs a new login." },
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = 403, Title = "Your role on the roster does not allow this.",
                Detail = "Party members work their tasks; secretaries and higher offices also triage, re-label and assign." },
        });
    }
}
