using Mediator;
using Microsoft.Extensions.Options;
using Reservations.Application.Products.Reconcile;

namespace Reservations.Worker.Inventory;

/// <summary>Every reconcile interval, checks that each product's ledger balances; imbalances are logged and counted.</summary>
public sealed partial class LedgerReconciler(
    IServiceScopeFactory scopes, IOptions<WorkerOptions> options, TimeProvider clock, ILogger<LedgerReconciler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReconcileInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ReconcileLedgersCommand(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ledger reconciliation failed; trying again on the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
