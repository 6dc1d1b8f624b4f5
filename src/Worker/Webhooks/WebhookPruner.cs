using Microsoft.Extensions.Options;
using Reservations.Application.Webhooks.Delivery;

namespace Reservations.Worker.Webhooks;

public sealed partial class WebhookPruner(
    IServiceScopeFactory scopes, IOptions<WebhookDeliveryOptions> options, TimeProvider clock, ILogger<WebhookPruner> logger)
    : BackgroundService
{
    private const int Batch = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PruneInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var deliveries = scope.ServiceProvider.GetRequiredService<IWebhookDeliveries>();
                int removed, total = 0;
                do
                {
                    removed = await deliveries.PruneAsync(options.Value.Keep, Batch, stoppingToken);
                    total += removed;
                }
                while (removed > 0);

                if (total > 0)
                {
                    LogPruned(logger, total, options.Value.Keep);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Rows} webhook deliveries and events older than {Keep}")]
    private static partial void LogPruned(ILogger logger, int rows, TimeSpan keep);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removing old webhook deliveries failed; trying again on the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
