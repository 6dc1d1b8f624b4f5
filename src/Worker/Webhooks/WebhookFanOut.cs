using Microsoft.Extensions.Options;
using Reservations.Application.Webhooks;
using Reservations.Application.Webhooks.Delivery;

namespace Reservations.Worker.Webhooks;

/// <summary>Turns new outbox events into one delivery per enabled endpoint subscribed to their type.</summary>
public sealed partial class WebhookFanOut(
    IServiceScopeFactory scopes, IOptions<WebhookDeliveryOptions> options, IOptions<WebhookOptions> webhooks,
    TimeProvider clock, ILogger<WebhookFanOut> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var deliveries = scope.ServiceProvider.GetRequiredService<IWebhookDeliveries>();
                while (await deliveries.FanOutAsync(options.Value.FanOutBatch, webhooks.Value.RetryWindow, stoppingToken)
                       == options.Value.FanOutBatch)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fanning webhook events out failed; trying again on the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
