namespace Reservations.Load.Sale;

/// <summary>One product of a reserve and how many units of it.</summary>
public sealed record SaleLine(Guid ProductId, int Quantity);
