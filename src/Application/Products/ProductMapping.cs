using Mapster;
using Reservations.Domain.Products;

namespace Reservations.Application.Products;

public static class ProductMapping
{
    /// <summary>The catalog's view of a product with the gate's count of units available now.</summary>
    public static ProductResponse ToResponse(this Product product, int available) =>
        product.Adapt<ProductResponse>() with { Available = available };
}
