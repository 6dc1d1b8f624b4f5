namespace Reservations.Domain.Products;

/// <summary>Where a stock adjustment stands: PostgreSQL's total has it from the start; Redis's available has it once
/// <see cref="Applied"/>. <see cref="Reverted"/>: Redis refused it (a removal of more than was available), so the total
/// was put back.</summary>
public enum StockAdjustmentStatus
{
    Pending,
    Applied,
    Reverted,
}
