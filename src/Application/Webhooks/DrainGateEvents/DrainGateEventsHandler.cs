using Mediator;
using Reservations.Application.Common.Ports;

namespace Reservations.Application.Webhooks.DrainGateEvents;

// The store is optional to the container only: hosts check at start (in Development) that every handler can be built,
// and a host without the webhook outbox must still start. Draining without one fails, before anything is read.
public sealed class DrainGateEventsHandler(IGateEventOutbox outbox, IWebhookEventStore? store = null)
    : ICommandHandler<DrainGateEventsCommand, int>
{
    public async ValueTask<int> Handle(DrainGateEventsCommand command, CancellationToken cancellationToken)
    {
        if (store is null)
        {
            throw new InvalidOperationException("Gate events cannot be drained: no webhook event store (IWebhookEventStore) is registered.");
        }

        var events = await outbox.ReadAsync(command.Shard, command.Max, cancellationToken);
        if (events.Count == 0)
        {
            return 0;
        }

        // Stored before they leave the gate: a failure in between leaves them pending, read again later with the same
        // ids, and the store keeps one of each.
        await store.AppendAsync([.. events.Select(GateEventMapping.ToWebhookEvent)], cancellationToken);
        await outbox.AcknowledgeAsync(command.Shard, events, CancellationToken.None);
        return events.Count;
    }
}
