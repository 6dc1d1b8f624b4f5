using Mediator;
using Microsoft.Extensions.Options;
using Reservations.Application.Common;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Domain.Products;

namespace Reservations.Application.Products.Create;

public sealed class CreateProductHandler(
    ICatalog catalog, IStockGate gate, IProductIds ids, TimeProvider clock, IOptions<ReservationsOptions> options)
    : ICommandHandler<CreateProductCommand, Result<ProductResponse>>
{
    public async ValueTask<Result<ProductResponse>> Handle(CreateProductCommand command, CancellationToken cancellationToken)
    {
        var hold = HoldDuration.FromSeconds(command.HoldSeconds ?? options.Value.DefaultHoldSeconds);
        var now = clock.GetUtcNow();
        var product = Product.Create(
            ids.NewProductId(command.SaleId, now), Sku.From(command.Sku), command.Name, Money.From(command.Price), command.Stock,
            command.MaxPerCustomer, hold, now, command.MaxHoldSeconds,
            new SalesWindow(command.SalesOpenAt, command.SalesCloseAt, command.Paused), command.SaleId);

        var added = await catalog.AddAsync(product, cancellationToken);
        if (!added.IsSuccess)
        {
            // A retry of a create whose first attempt stored the product but failed before Redis had it (503): the
            // same request gets the same product, with its gate state made now. A product that sells is a duplicate.
            if (added.Error == ProductErrors.DuplicateSku
                && await catalog.FindBySkuAsync(product.Sku, cancellationToken) is { } existing && SameTerms(existing, product)
                && await gate.GetStockAsync(existing.Id, cancellationToken) is null)
            {
                product = existing;
            }
            else
            {
                return added.Error!;
            }
        }

        // PostgreSQL first: should Redis fail here, a retry of this request (or the Worker's warm-up) creates the state.
        await gate.InitializeAsync(product.ToInventoryItem(product.Unsold), cancellationToken);
        return product.ToResponse(product.Unsold);
    }

    private static bool SameTerms(Product existing, Product requested) =>
        existing.Name == requested.Name && existing.Price == requested.Price && existing.TotalStock == requested.TotalStock
        && existing.Sold == 0 && existing.MaxPerCustomer == requested.MaxPerCustomer && existing.HoldSeconds == requested.HoldSeconds
        && existing.MaxHoldSeconds == requested.MaxHoldSeconds
        && existing.SalesOpenAt == requested.SalesOpenAt && existing.SalesCloseAt == requested.SalesCloseAt && existing.Paused == requested.Paused
        && existing.SaleId == requested.SaleId;
}
