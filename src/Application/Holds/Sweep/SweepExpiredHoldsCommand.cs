using Mediator;

namespace Reservations.Application.Holds.Sweep;

public sealed record SweepExpiredHoldsCommand : ICommand<SweepReport>;
