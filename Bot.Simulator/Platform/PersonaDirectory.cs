using Microsoft.Extensions.Options;

namespace Bot.Simulator.Platform;

// The personas and whether each follows the Official Account.
public sealed class PersonaDirectory(IOptions<SimulatorOptions> options, SimClock clock)
{
    public sealed record FollowState(bool IsFollowing, DateTimeOffset Since, string? Scene);

    readonly Lock gate = new();
    readonly Dictionary<string, FollowState> follows = new();
    readonly DateTimeOffset followedBeforeStart = clock.GetUtcNow().AddDays(-30);

    public IReadOnlyList<Persona> All => options.Value.EffectivePersonas;

    // By OA openid, Mini Program openid or name.
    public Persona? Find(string id) =>
        All.FirstOrDefault(p => p.OpenId == id || p.MiniProgramOpenId == id || p.Name == id);

    public Persona? ByOpenId(string? openId) => All.FirstOrDefault(p => p.OpenId == openId);

    public Persona? ByMiniProgramOpenId(string? openId) => All.FirstOrDefault(p => p.MiniProgramOpenId == openId);

    // Personas start as followers, as the demo village's people would be.
    public FollowState FollowOf(Persona persona)
    {
        lock (gate)
            return follows.GetValueOrDefault(persona.OpenId) ?? new FollowState(true, followedBeforeStart, null);
    }

    public void SetFollowing(Persona persona, bool following, string? scene)
    {
        lock (gate)
            follows[persona.OpenId] = new FollowState(following, clock.GetUtcNow(), following ? scene : null);
    }

    public void Reset()
    {
        lock (gate)
            follows.Clear();
    }
}
