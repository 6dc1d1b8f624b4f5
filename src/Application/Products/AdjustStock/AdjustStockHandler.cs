using Mediator;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Products.AdjustStock;

/// <summary>
/// Changes PostgreSQL's total and Redis's available together. Units are taken from Redis first when removing (so no
/// reserve can take them meanwhile) and given to Redis last when adding (so no reserve takes units PostgreSQL lacks);
/// when the second step fails, the first is undone.
/// </summary>
public sealed class AdjustStockHandler(ICatalog catalog, IInventoryGate gate) : ICommandHandler<AdjustStockCommand, Result<ProductResponse>>
{
    public async ValueTask<Result<ProductResponse>> Handle(AdjustStockCommand command, CancellationToken cancellationToken)
    {
        var (id, delta) = (command.ProductId, command.Delta);
        if (await catalog.FindAsync(id, cancellationToken) is null)
        {
            return ProductErrors.NotFound;
        }

        return delta < 0 ? await RemoveAsync(id, delta, cancellationToken) : await AddAsync(id, delta, cancellationToken);
    }

    private async Task<Result<ProductResponse>> RemoveAsync(Guid id, int delta, CancellationToken cancellationToken)
    {
        var available = await gate.AdjustAvailableAsync(id, delta, cancellationToken);
        if (!available.IsSuccess)
        {
            return available.Error!;
        }

        var product = await catalog.AdjustTotalStockAsync(id, delta, cancellationToken);
        if (!product.IsSuccess)
        {
            await gate.AdjustAvailableAsync(id, -delta, CancellationToken.None);
            return product.Error!;
        }

        return product.Value.ToResponse(available.Value);
    }

    private async Task<Result<ProductResponse>> AddAsync(Guid id, int delta, CancellationToken cancellationToken)
    {
        var product = await catalog.AdjustTotalStockAsync(id, delta, cancellationToken);
        if (!product.IsSuccess)
        {
            return product.Error!;
        }

        var available = await gate.AdjustAvailableAsync(id, delta, CancellationToken.None);
        if (!available.IsSuccess)
        {
            await catalog.AdjustTotalStockAsync(id, -delta, CancellationToken.None);
            return available.Error!;
        }

        return product.Value.ToResponse(available.Value);
    }
}
