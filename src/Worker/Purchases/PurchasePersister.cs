using Mediator;
using Reservations.Application.Purchases.Persist;

namespace Reservations.Worker.Purchases;

/// <summary>
/// Moves acknowledged purchases from the gate's streams into PostgreSQL, a batch at a time. Redis does not block on
/// the shared connection, so it polls, briefly pausing when there was nothing to do. On stop it finishes its batch.
/// </summary>
public sealed partial class PurchasePersister(IServiceScopeFactory scopes, ILogger<PurchasePersister> logger) : BackgroundService
{
    private const int BatchSize = 256;
    private static readonly TimeSpan IdlePause = TimeSpan.FromMilliseconds(100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var read = 0;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                // The batch runs to its end even when a stop is requested: what is committed gets acknowledged.
                var report = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new PersistPurchasesCommand(BatchSize), CancellationToken.None);
                read = report.Read;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogBatchFailed(logger, e);
            }

            if (read == 0)
            {
                try
                {
                    await Task.Delay(IdlePause, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading purchases to persist failed; trying again")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception);
}
