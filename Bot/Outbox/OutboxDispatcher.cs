using Bot.Domain.Outbox;
using Microsoft.Extensions.Options;

namespace Bot.Outbox;

// Sends what the outbox holds, at least once, on every instance at the same time: each batch is
// claimed with a lease (OutboxQueue), sent in parallel (one message per recipient per batch, so
// order holds), and its outcome recorded. A crash leaves leases that run out and are claimed again.
public sealed class OutboxDispatcher(OutboxQueue queue, OutboxSender sender, IOptions<OutboxOptions> options,
    TimeProvider clock, ILogger<OutboxDispatcher> log) : BackgroundService
{
    readonly OutboxOptions settings = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await DispatchOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "An outbox batch failed; its leases run out and the rows are claimed again");
            }
            if (handled > 0)
                continue;
            try
            {
                await Task.Delay(settings.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    // Returns how many rows were claimed: after a busy round the next recipient's later message may be due at once.
    public async Task<int> DispatchOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var batch = await queue.ClaimAsync(settings.BatchSize, now, now + settings.Lease, ct);
        await Task.WhenAll(batch.Select(m => SendOneAsync(m, ct)));
        return batch.Count;
    }

    async Task SendOneAsync(ClaimedMessage message, CancellationToken ct)
    {
        try
        {
            var outcome = await sender.SendAsync(message, ct);
            if (!await RecordAsync(message, outcome, ct))
                log.LogWarning("Outbox row {Id} was claimed again before attempt {Attempt} finished; its outcome {Status} is dropped",
                    message.Id, message.Attempt, outcome.Status);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: the lease runs out and another instance (or the next start) sends it.
        }
        catch (Exception e)
        {
            log.LogError(e, "Sending outbox row {Id} failed; retried when its lease runs out", message.Id);
        }
    }

    Task<bool> RecordAsync(ClaimedMessage message, SendOutcome outcome, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        switch (outcome.Status)
        {
            case OutboxStatus.Sent:
                return queue.MarkSentAsync(message, outcome.Channel!, now, ct);
            case OutboxStatus.Pending when message.Attempt < settings.MaxAttempts:
                log.LogWarning("Outbox row {Id} attempt {Attempt} failed, retrying: {Error}", message.Id, message.Attempt, outcome.Error);
                return queue.RescheduleAsync(message, now + (outcome.RetryAfter ?? Backoff(message.Attempt)), outcome.Error!, ct);
            case OutboxStatus.Pending:
                log.LogError("Outbox row {Id} gave up after {Attempt} attempts: {Error}", message.Id, message.Attempt, outcome.Error);
                return queue.GiveUpAsync(message, OutboxStatus.Failed, outcome.Channel,
                    $"gave up after {message.Attempt} attempts: {outcome.Error}", ct);
            default:
                log.LogWarning("Outbox row {Id} is {Status}: {Error}", message.Id, outcome.Status, outcome.Error);
                return queue.GiveUpAsync(message, outcome.Status, outcome.Channel, outcome.Error!, ct);
        }
    }

    // Exponential with jitter (half to full delay), so rows failed together do not retry together.
    TimeSpan Backoff(int attempt)
    {
        var full = Math.Min(settings.MaxRetryDelay.TotalMilliseconds,
            settings.RetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30)));
        return TimeSpan.FromMilliseconds(full * (0.5 + Random.Shared.NextDouble() / 2));
    }
}
