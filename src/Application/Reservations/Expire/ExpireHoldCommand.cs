using Mediator;

namespace Reservations.Application.Reservations.Expire;

/// <summary>A hold's TTL key expired (the keyspace event): give its stock back if it is still held and due.</summary>
public sealed record ExpireHoldCommand(Guid HoldId) : ICommand<bool>;
