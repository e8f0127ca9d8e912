using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bot.Simulator.Api;

// Reads API request bodies the way the platform answers them: empty → 44002, not JSON → 47001.
static class ApiRequests
{
    public static async Task<(JsonObject? Body, WeChatAnswer? Error)> ReadJsonAsync(HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(ct);
        if (string.IsNullOrWhiteSpace(text))
            return (null, WeChatAnswer.Error(44002));
        try
        {
            return JsonNode.Parse(text) is JsonObject json ? (json, null) : (null, WeChatAnswer.Error(47001));
        }
        catch (JsonException)
        {
            return (null, WeChatAnswer.Error(47001));
        }
    }

    public static string? String(this JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    // Template data {key: {value}} as key → value, in the order sent.
    public static List<KeyValuePair<string, string>> Data(this JsonObject json) =>
        (json["data"] as JsonObject ?? [])
            .Select(d => KeyValuePair.Create(d.Key, (d.Value as JsonObject)?.String("value") ?? ""))
            .ToList();
}
