using Mediator;

namespace Reservations.Application.Products.Reconcile;

/// <summary>Checks every product's ledger and reports the ones that do not balance. It never repairs anything.</summary>
public sealed record ReconcileLedgersCommand : ICommand<IReadOnlyList<Guid>>;
