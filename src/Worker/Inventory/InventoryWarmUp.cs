using Mediator;
using Reservations.Application.Products.WarmUp;

namespace Reservations.Worker.Inventory;

/// <summary>At start-up, gives every catalog product whose Redis state is missing its state again (DESIGN.md 4.7).</summary>
public sealed partial class InventoryWarmUp(IServiceScopeFactory scopes, ILogger<InventoryWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var result = await sender.Send(new WarmUpInventoryCommand(), stoppingToken);
        LogWarmedUp(logger, result.Products, result.Created);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inventory warm-up: {Products} products, {Created} states created")]
    private static partial void LogWarmedUp(ILogger logger, int products, int created);
}
