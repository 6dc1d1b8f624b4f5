using Mediator;
using Polly;
using Polly.Retry;
using Reservations.Application.Common.Ports;
using Reservations.Application.Purchases.Persist;

namespace Reservations.Worker.Purchases;

/// <summary>
/// Moves acknowledged purchases from the gate's streams into PostgreSQL: one loop per shard, so a shard that is
/// failing or busy never holds up the others. A failed batch is retried with exponential backoff until it goes
/// through; nothing is skipped. Redis does not block on the shared connection, so an idle loop polls.
/// On stop, each loop finishes its batch (what is committed gets acknowledged) and does not start another.
/// </summary>
public sealed partial class PurchasePersister(
    IServiceScopeFactory scopes, IPurchaseOutbox outbox, ILogger<PurchasePersister> logger) : BackgroundService
{
    /// <summary>Purchases read, persisted in one statement and finalized in one call, per batch.</summary>
    public const int BatchSize = 512;
    private static readonly TimeSpan IdlePause = TimeSpan.FromMilliseconds(100);

    private readonly ResiliencePipeline<PersistPurchasesReport> _retry = new ResiliencePipelineBuilder<PersistPurchasesReport>()
        .AddRetry(new RetryStrategyOptions<PersistPurchasesReport>
        {
            ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
            {
                { Exception: OperationCanceledException } => !args.Context.CancellationToken.IsCancellationRequested,
                { Exception: not null } => true,
                { Result.Deferred: > 0 } => true,
                _ => false,
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
        Task.WhenAll(Enumerable.Range(0, outbox.Shards).Select(shard => PersistShardAsync(shard, stoppingToken)));

    private async Task PersistShardAsync(int shard, CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // The token only stops the waits between attempts: a batch that started runs to its end.
                var report = await _retry.ExecuteAsync(async _ => await PersistBatchAsync(shard), stoppingToken);
                if (report.Read == 0)
                {
                    await Task.Delay(IdlePause, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: entries not yet persisted stay pending for the next Worker.
        }
    }

    private async Task<PersistPurchasesReport> PersistBatchAsync(int shard)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>()
            .Send(new PersistPurchasesCommand(shard, BatchSize), CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Persisting purchases failed (attempt {Attempt}); trying again in {DelayMs:0} ms")]
    private static partial void LogRetrying(ILogger logger, int attempt, double delayMs, Exception? exception);
}
