namespace Reservations.Application.Products.Ledger;

/// <summary>Where every unit of a product is. Balanced when totalStock = available + held + purchasing + sold.</summary>
public sealed record LedgerResponse(
    int TotalStock, int Available, int Held, int Purchasing, int DeadLettered, int Sold, bool Balanced);
