using Mediator;

namespace Reservations.Application.Holds.Expire;

/// <summary>A shard's expiry marker expired (the keyspace event): give back the stock of its holds that are still held and due.</summary>
public sealed record ExpireDueHoldsCommand(int Shard) : ICommand<int>;
