using Mediator;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Reservations.Application.Webhooks.DrainGateEvents;

namespace Reservations.Worker.Webhooks;

/// <summary>
/// Moves the webhook events the gate's scripts wrote into the webhook outbox: one loop per shard, so a shard that is
/// failing never holds up the others. A failed batch stays pending and is retried with exponential backoff until it
/// goes through. Redis does not block on the shared connection, so an idle shard polls.
/// </summary>
public sealed partial class GateEventDrainer(
    IServiceScopeFactory scopes, IGateEventOutbox outbox, IOptions<GateEventDrainerOptions> options, ILogger<GateEventDrainer> logger)
    : BackgroundService
{
    private readonly ResiliencePipeline<int> _retry = new ResiliencePipelineBuilder<int>()
        .AddRetry(new RetryStrategyOptions<int>
        {
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception switch
            {
                OperationCanceledException => !args.Context.CancellationToken.IsCancellationRequested,
                not null => true,
                null => false,
            }),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(200),
            MaxDelay = TimeSpan.FromSeconds(5),
            OnRetry = args =>
            {
                LogRetrying(logger, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, args.Outcome.Exception);
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, outbox.Shards).Select(shard => DrainShardAsync(shard, stoppingToken)));

    private async Task DrainShardAsync(int shard, CancellationToken stoppingToken)
    {
        var (batchSize, idlePoll) = (options.Value.BatchSize, options.Value.IdlePoll);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // The token only stops the waits between attempts: a batch that started runs to its end.
                var drained = await _retry.ExecuteAsync(async _ => await DrainBatchAsync(shard, batchSize), stoppingToken);
                if (drained < batchSize)
                {
                    await Task.Delay(idlePoll, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: events not yet stored stay pending for the next Worker.
        }
    }

    private async Task<int> DrainBatchAsync(int shard, int batchSize)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>()
            .Send(new DrainGateEventsCommand(shard, batchSize), CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Draining gate events failed (attempt {Attempt}); trying again in {DelayMs:0} ms")]
    private static partial void LogRetrying(ILogger logger, int attempt, double delayMs, Exception? exception);
}
