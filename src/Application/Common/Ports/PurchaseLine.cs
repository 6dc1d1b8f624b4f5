namespace Reservations.Application.Common.Ports;

public sealed record PurchaseLine(Guid ProductId, int Quantity, decimal UnitPrice);
