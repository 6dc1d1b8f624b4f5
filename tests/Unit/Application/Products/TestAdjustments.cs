using Reservations.Domain.Products;

namespace Reservations.UnitTests.Application.Products;

internal static class TestAdjustments
{
    // Only PostgreSQL moves an adjustment on from pending (the catalog's statements), so tests set it as EF Core does.
    public static StockAdjustment WithStatus(this StockAdjustment adjustment, StockAdjustmentStatus status)
    {
        typeof(StockAdjustment).GetProperty(nameof(StockAdjustment.Status))!.SetValue(adjustment, status);
        return adjustment;
    }
}
