using Mediator;
using Microsoft.Extensions.Options;
using Reservations.Application.Products.WarmUp;

namespace Reservations.Worker.Inventory;

/// <summary>
/// At start-up, gives every catalog product whose Redis state is missing its state again, from PostgreSQL. Then
/// checks every <see cref="WorkerOptions.StateCheckInterval"/> whether Redis lost data since (a shard's marker is
/// gone) and, if so, does it again, so that the product sells again without anyone restarting anything.
/// </summary>
public sealed partial class InventoryWarmUp(
    IServiceScopeFactory scopes, IOptions<WorkerOptions> options, TimeProvider clock, ILogger<InventoryWarmUp> logger)
    : BackgroundService
{
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // PostgreSQL or Redis may still be starting: try until the warm-up has run once.
        while (!await TryWarmUpAsync(onlyWhenStateLost: false, stoppingToken))
        {
            await Task.Delay(RetryPause, clock, stoppingToken);
        }

        using var timer = new PeriodicTimer(options.Value.StateCheckInterval, clock);
        var passOwed = false;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            // A pass that failed may have set the markers already: run whole passes until one succeeds.
            passOwed = !await TryWarmUpAsync(onlyWhenStateLost: !passOwed, stoppingToken);
        }
    }

    private async Task<bool> TryWarmUpAsync(bool onlyWhenStateLost, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ISender>()
                .Send(new WarmUpInventoryCommand(onlyWhenStateLost), stoppingToken);
            if (onlyWhenStateLost && result.LostShards.Count > 0)
            {
                var shards = string.Join(',', result.LostShards);
                LogStateRebuilt(logger, result.LostShards.Count, shards, result.Created, result.Products);
            }
            else if (!onlyWhenStateLost)
            {
                LogWarmedUp(logger, result.Products, result.Created);
            }

            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogWarmUpFailed(logger, e);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inventory warm-up failed; trying again")]
    private static partial void LogWarmUpFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inventory warm-up: {Products} products, {Created} states created")]
    private static partial void LogWarmedUp(ILogger logger, int products, int created);

    [LoggerMessage(Level = LogLevel.Critical, Message =
        "Redis lost the data of {Count} shards ({Shards}): the state of {Created} of {Products} products was created again " +
        "from PostgreSQL (available = total - sold, limits counting the orders). Lost with it: their holds, purchases " +
        "not yet persisted and idempotency records")]
    private static partial void LogStateRebuilt(ILogger logger, int count, string shards, int created, int products);
}
