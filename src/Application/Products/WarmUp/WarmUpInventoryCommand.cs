using Mediator;

namespace Reservations.Application.Products.WarmUp;

/// <summary>Creates the gate state of every catalog product that has none (available = total − sold).</summary>
public sealed record WarmUpInventoryCommand : ICommand<WarmUpInventoryResult>;
