using Mediator;

namespace Reservations.Application.Purchases.Persist;

/// <summary>Moves up to <paramref name="Max"/> acknowledged purchases per shard from the gate to PostgreSQL.</summary>
public sealed record PersistPurchasesCommand(int Max) : ICommand<PersistPurchasesReport>;
