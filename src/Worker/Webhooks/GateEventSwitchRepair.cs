using Microsoft.Extensions.Options;
using Reservations.Application.Webhooks;

namespace Reservations.Worker.Webhooks;

/// <summary>
/// Sets the gate's event switch from the enabled endpoints every few seconds: repairs it after Redis lost its data, an
/// API died between its commit and the switch, or an endpoint was disabled by the dispatcher.
/// </summary>
public sealed partial class GateEventSwitchRepair(
    IServiceScopeFactory scopes, IOptions<WebhookDeliveryOptions> options, TimeProvider clock,
    ILogger<GateEventSwitchRepair> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SwitchRepairInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<GateEventSwitchSync>().SyncAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Setting the gate's webhook event switch failed; trying again on the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
