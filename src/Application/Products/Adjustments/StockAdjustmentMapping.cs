using Reservations.Domain.Products;

namespace Reservations.Application.Products.Adjustments;

public static class StockAdjustmentMapping
{
    public static StockAdjustmentResponse ToResponse(this StockAdjustment a) => new(a.Id, a.Delta, a.Actor, a.Reason, a.At, a.Status);
}
