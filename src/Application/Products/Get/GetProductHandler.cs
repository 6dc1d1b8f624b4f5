using Mediator;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Products.Get;

public sealed class GetProductHandler(ICatalog catalog, IStockGate gate)
    : IQueryHandler<GetProductQuery, Result<ProductResponse>>
{
    public async ValueTask<Result<ProductResponse>> Handle(GetProductQuery query, CancellationToken cancellationToken)
    {
        var product = await catalog.FindAsync(query.ProductId, cancellationToken);
        if (product is null)
        {
            return ProductErrors.NotFound;
        }

        var available = await gate.GetAvailableAsync([product.Id], cancellationToken);
        return product.ToResponse(available.GetValueOrDefault(product.Id));
    }
}
