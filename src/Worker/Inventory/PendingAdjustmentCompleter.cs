using Mediator;
using Microsoft.Extensions.Options;
using Reservations.Application.Products.CompleteAdjustments;

namespace Reservations.Worker.Inventory;

/// <summary>
/// Every adjustment interval, completes the stock adjustments left pending (the request timed out on Redis, an API died
/// between the two steps): re-applying is safe whether or not the first apply ran. Several Workers may do it at once.
/// </summary>
public sealed partial class PendingAdjustmentCompleter(
    IServiceScopeFactory scopes, IOptions<WorkerOptions> options, TimeProvider clock, ILogger<PendingAdjustmentCompleter> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.AdjustmentInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ISender>()
                    .Send(new CompletePendingAdjustmentsCommand(options.Value.AdjustmentGrace), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Completing pending stock adjustments failed; trying again on the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
