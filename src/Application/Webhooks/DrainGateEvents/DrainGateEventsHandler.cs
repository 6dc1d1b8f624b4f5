using Mediator;

namespace Reservations.Application.Webhooks.DrainGateEvents;

public sealed class DrainGateEventsHandler(IGateEventOutbox outbox, IWebhookEventStore store)
    : ICommandHandler<DrainGateEventsCommand, int>
{
    public async ValueTask<int> Handle(DrainGateEventsCommand command, CancellationToken cancellationToken)
    {
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
