using Mediator;

namespace Reservations.Application.Purchases.Persist;

/// <summary>Moves up to <paramref name="Max"/> acknowledged purchases of one shard from the gate to PostgreSQL.</summary>
public sealed record PersistPurchasesCommand(int Shard, int Max) : ICommand<PersistPurchasesReport>;
