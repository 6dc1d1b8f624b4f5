using Mediator;

namespace Reservations.Application.Purchases.Persist;

public sealed record PersistPurchasesCommand(int Shard, int Max) : ICommand<PersistPurchasesReport>;
