namespace Reservations.Domain.Holds;

public sealed record HoldLine(Guid ProductId, Quantity Quantity, decimal UnitPrice);
