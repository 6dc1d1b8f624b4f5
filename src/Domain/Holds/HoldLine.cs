namespace Reservations.Domain.Holds;

/// <summary>One product of a hold: how many units of it, at the unit price the hold took them for.</summary>
public sealed record HoldLine(Guid ProductId, Quantity Quantity, decimal UnitPrice);
