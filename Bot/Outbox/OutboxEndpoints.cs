using Bot.Domain.Outbox;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Outbox;

public static class OutboxEndpoints
{
    const int Limit = 200;

    public static void MapOutbox(this RouteGroupBuilder admin)
    {
        admin.MapGet("/outbox", List)
            .WithSummary("Outbox rows not sent (yet), newest first, with the last error; ?status= Pending, Sending, Failed, Undeliverable or Sent");
    }

    static async Task<Results<Ok<IReadOnlyList<OutboxEntry>>, ValidationProblem>> List(
        string? status, OutboxQueue queue, CancellationToken ct)
    {
        OutboxStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<OutboxStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["status"] = [$"One of {string.Join(", ", Enum.GetNames<OutboxStatus>())}."],
                });
            wanted = parsed;
        }
        return TypedResults.Ok(await queue.ListAsync(wanted, Limit, ct));
    }
}
