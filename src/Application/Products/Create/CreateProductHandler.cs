using Mediator;
using Microsoft.Extensions.Options;
using Reservations.Application.Common;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Domain.Products;

namespace Reservations.Application.Products.Create;

public sealed class CreateProductHandler(
    ICatalog catalog, IInventoryGate gate, TimeProvider clock, IOptions<ReservationsOptions> options)
    : ICommandHandler<CreateProductCommand, Result<ProductResponse>>
{
    public async ValueTask<Result<ProductResponse>> Handle(CreateProductCommand command, CancellationToken cancellationToken)
    {
        var hold = HoldDuration.FromSeconds(command.HoldSeconds ?? options.Value.DefaultHoldSeconds);
        var product = Product.Create(
            Sku.From(command.Sku), command.Name, Money.From(command.Price), command.Stock,
            command.MaxPerCustomer, hold, clock.GetUtcNow());

        var added = await catalog.AddAsync(product, cancellationToken);
        if (!added.IsSuccess)
        {
            return added.Error!;
        }

        // PostgreSQL first: should Redis fail here, the Worker's warm-up creates the missing state from the catalog.
        await gate.InitializeAsync(
            new InventoryItem(product.Id, product.TotalStock, product.Price, product.MaxPerCustomer, product.HoldSeconds),
            cancellationToken);
        return product.ToResponse(product.TotalStock);
    }
}
