using Mediator;

namespace Reservations.Application.Reservations.Sweep;

/// <summary>Expires every overdue hold that no event released.</summary>
public sealed record SweepExpiredHoldsCommand : ICommand<SweepReport>;
