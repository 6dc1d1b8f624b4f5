using Mediator;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Products.Ledger;

public sealed class GetProductLedgerHandler(ICatalog catalog, IStockGate gate)
    : IQueryHandler<GetProductLedgerQuery, Result<LedgerResponse>>
{
    public async ValueTask<Result<LedgerResponse>> Handle(GetProductLedgerQuery query, CancellationToken cancellationToken)
    {
        var product = await catalog.FindAsync(query.ProductId, cancellationToken);
        if (product is null)
        {
            return ProductErrors.NotFound;
        }

        // A product without gate state shows all zeroes in Redis, and so an unbalanced ledger: that is the truth.
        var stock = await gate.GetStockAsync(product.Id, cancellationToken) ?? new GateStock(0, 0, 0, 0);
        var balanced = product.TotalStock == stock.Available + stock.Held + stock.Purchasing + product.Sold;
        return new LedgerResponse(
            product.TotalStock, stock.Available, stock.Held, stock.Purchasing, stock.DeadLettered, product.Sold, balanced);
    }
}
