using Mediator;

namespace Reservations.Application.Webhooks.DrainGateEvents;

public sealed record DrainGateEventsCommand(int Shard, int Max) : ICommand<int>;
