using Microsoft.Extensions.Logging;
using Reservations.Application.Common.Ports;

namespace Reservations.Application.Webhooks;

/// <summary>Keeps the gate's event switch in step with the enabled endpoints (docs/decisions/010).</summary>
public sealed partial class GateEventSwitchSync(
    IWebhookEventStore events, IGateEventSwitch gate, IFailureClassifier failures, ILogger<GateEventSwitchSync> logger)
{
    public async Task SyncAsync(CancellationToken cancellationToken) =>
        await gate.SetAsync(await events.SubscriptionsAsync(cancellationToken), cancellationToken);

    /// <summary>After a change to the endpoints committed: a store failing now is logged rather than thrown, since the
    /// change stands, and the Worker's repair sets the switch within its interval.</summary>
    public async Task SyncAfterChangeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SyncAsync(cancellationToken);
        }
        catch (Exception e) when (failures.IsTransient(e))
        {
            LogSyncDeferred(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The webhook endpoints changed but the gate's event switch could not be set; the Worker's repair sets it")]
    private static partial void LogSyncDeferred(ILogger logger, Exception exception);
}
