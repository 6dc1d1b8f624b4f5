namespace Reservations.Domain.Products;

/// <summary>PostgreSQL's total has an adjustment from the start, Redis's available once <see cref="Applied"/>;
/// <see cref="Reverted"/>: Redis refused it (a removal of more than was available) and the total was put back.</summary>
public enum StockAdjustmentStatus
{
    Pending,
    Applied,
    Reverted,
}
