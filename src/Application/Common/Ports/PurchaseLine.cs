namespace Reservations.Application.Common.Ports;

/// <summary>One product of a purchase: how many units, at the unit price its hold took them for.</summary>
public sealed record PurchaseLine(Guid ProductId, int Quantity, decimal UnitPrice);
