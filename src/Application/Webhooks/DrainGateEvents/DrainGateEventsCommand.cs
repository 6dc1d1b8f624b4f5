using Mediator;

namespace Reservations.Application.Webhooks.DrainGateEvents;

/// <summary>
/// Moves up to <paramref name="Max"/> events of one shard from the gate's outbox into the webhook outbox; answers how
/// many it moved.
/// </summary>
public sealed record DrainGateEventsCommand(int Shard, int Max) : ICommand<int>;
