using Mediator;
using Reservations.Application.Common.Paging;
using Reservations.Application.Common.Ports;

namespace Reservations.Application.Products.WarmUp;

public sealed class WarmUpInventoryHandler(ICatalog catalog, IInventoryGate gate)
    : ICommandHandler<WarmUpInventoryCommand, WarmUpInventoryResult>
{
    public async ValueTask<WarmUpInventoryResult> Handle(WarmUpInventoryCommand command, CancellationToken cancellationToken)
    {
        var (seen, created, page) = (0, 0, PageRequest.DefaultPage);
        while (true)
        {
            var products = await catalog.ListForWarmUpAsync(page++, PageRequest.MaxPageSize, cancellationToken);
            foreach (var (p, available) in products.Select(w => (w.Product, w.GateAvailable)))
            {
                var item = new InventoryItem(p.Id, available, p.Price, p.MaxPerCustomer, p.HoldSeconds);
                created += await gate.InitializeAsync(item, cancellationToken) ? 1 : 0;
            }

            seen += products.Count;
            if (products.Count < PageRequest.MaxPageSize)
            {
                return new WarmUpInventoryResult(seen, created);
            }
        }
    }
}
