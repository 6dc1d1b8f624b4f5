using Mediator;

namespace Reservations.Application.Holds.Sweep;

/// <summary>Expires every overdue hold that no event released.</summary>
public sealed record SweepExpiredHoldsCommand : ICommand<SweepReport>;
