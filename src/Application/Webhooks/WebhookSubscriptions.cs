using Reservations.Application.Common.Ports;

namespace Reservations.Application.Webhooks;

public static class WebhookSubscriptions
{
    /// <summary>Tells the gate which event types the enabled endpoints want now (after a change to the endpoints).</summary>
    public static async Task SyncGateAsync(IWebhookEventStore events, IGateEventSwitch gate, CancellationToken cancellationToken) =>
        await gate.SetAsync(await events.SubscribedTypesAsync(cancellationToken), cancellationToken);
}
