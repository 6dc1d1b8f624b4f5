using Mapster;
using Reservations.Domain.Products;

namespace Reservations.Application.Products;

public static class ProductMapping
{
    public static ProductResponse ToResponse(this Product product, int available) =>
        product.Adapt<ProductResponse>() with { Available = available };

    public static InventoryItem ToInventoryItem(this Product product, int available) =>
        new(product.Id, available, product.Price, product.MaxPerCustomer, product.HoldSeconds)
        {
            MaxHoldSeconds = product.MaxHoldSeconds,
            SalesOpenAt = product.SalesOpenAt,
            SalesCloseAt = product.SalesCloseAt,
            Paused = product.Paused,
            SaleId = product.SaleId,
            TermsVersion = product.TermsVersion,
        };
}
