using Mediator;
using Reservations.Application.Products.WarmUp;

namespace Reservations.Worker.Inventory;

/// <summary>At start-up, gives every catalog product whose Redis state is missing its state again, from PostgreSQL.</summary>
public sealed partial class InventoryWarmUp(IServiceScopeFactory scopes, ILogger<InventoryWarmUp> logger) : BackgroundService
{
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // PostgreSQL or Redis may still be starting: try until the warm-up has run once.
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new WarmUpInventoryCommand(), stoppingToken);
                LogWarmedUp(logger, result.Products, result.Created);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogWarmUpFailed(logger, e);
                await Task.Delay(RetryPause, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inventory warm-up failed; trying again")]
    private static partial void LogWarmUpFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inventory warm-up: {Products} products, {Created} states created")]
    private static partial void LogWarmedUp(ILogger logger, int products, int created);
}
