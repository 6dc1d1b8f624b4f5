namespace Reservations.Load.Sale;

/// <summary>A hold the sale took, for a customer numbered 0..customers-1.</summary>
public sealed record SaleHold(Guid Id, Guid ProductId, int Customer, int Quantity);
