using System.Security.Claims;
using Bot.Domain.Demands;

namespace Bot.MiniProgram;

// The signed-in mini-program user, bound from the session's claims in every handler that asks for it.
public sealed record CurrentUser(long PersonId, ActorRole Role, string Token)
{
    public Actor Actor => new(PersonId, Role);

    // On their own demands everyone acts as the villager who raised them, whatever else they are.
    public Actor AsVillager => new(PersonId, ActorRole.Villager);

    public static ValueTask<CurrentUser?> BindAsync(HttpContext context) =>
        ValueTask.FromResult(From(context.User));

    public static CurrentUser? From(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
        && Enum.TryParse<ActorRole>(user.FindFirstValue(ClaimTypes.Role), out var role)
            ? new CurrentUser(id, role, user.FindFirstValue(SessionAuthentication.TokenClaim) ?? "")
            : null;
}
