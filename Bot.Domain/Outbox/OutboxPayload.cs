using System.Text.Encodings.Web;
using System.Text.Json;

namespace Bot.Domain.Outbox;

// What a person should read. Notice names the kind of notification, which picks the template
// message used when the customer-service window is closed (wechat-platform.md §6.1–6.2).
public sealed record OutboxPayload(string Text, string? CardTitle = null, string? CardUrl = null, string? Notice = null)
{
    // Readable Chinese in the table, for the operator looking at stuck messages.
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static OutboxPayload FromJson(string json) =>
        JsonSerializer.Deserialize<OutboxPayload>(json, Json) ?? throw new FormatException("empty outbox payload");
}
