namespace Bot.Simulator.Platform;

// One-time subscribe-message credits per (Mini Program openid, template), granted by a simulated tap → accept
// and spent one per send (§7.2).
public sealed class SubscribeCredits
{
    readonly Lock gate = new();
    readonly Dictionary<(string OpenId, string TemplateId), int> credits = new();

    public int Grant(string miniProgramOpenId, string templateId, int count)
    {
        lock (gate)
            return credits[(miniProgramOpenId, templateId)] = credits.GetValueOrDefault((miniProgramOpenId, templateId)) + count;
    }

    public bool TrySpend(string miniProgramOpenId, string templateId)
    {
        lock (gate)
        {
            var left = credits.GetValueOrDefault((miniProgramOpenId, templateId));
            if (left <= 0)
                return false;
            credits[(miniProgramOpenId, templateId)] = left - 1;
            return true;
        }
    }

    public void Reset()
    {
        lock (gate)
            credits.Clear();
    }
}
