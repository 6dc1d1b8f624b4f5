using Mediator;
using Reservations.Application.Common.Paging;
using Reservations.Application.Common.Ports;

namespace Reservations.Application.Products.WarmUp;

public sealed class WarmUpInventoryHandler(ICatalog catalog, IStockGate gate, IPurchasedUnits purchases, IGateStateMarkers markers)
    : ICommandHandler<WarmUpInventoryCommand, WarmUpInventoryResult>
{
    public async ValueTask<WarmUpInventoryResult> Handle(WarmUpInventoryCommand command, CancellationToken cancellationToken)
    {
        var lost = await markers.MissingAsync(cancellationToken);
        if (command.OnlyWhenStateLost && lost.Count == 0)
        {
            return WarmUpInventoryResult.Skipped;
        }

        // Marked before the pass: should Redis lose data during it, the markers are gone again and the pass repeats.
        await markers.MarkAllAsync(cancellationToken);
        var (seen, created, page) = (0, 0, PageRequest.DefaultPage);
        while (true)
        {
            var products = await catalog.ListForWarmUpAsync(page++, PageRequest.MaxPageSize, cancellationToken);
            var present = await gate.GetAvailableAsync([.. products.Select(w => w.Product.Id)], cancellationToken);
            foreach (var (p, available) in products.Select(w => (w.Product, w.GateAvailable)))
            {
                var item = p.ToInventoryItem(available);
                if (!present.ContainsKey(p.Id) && p.MaxPerCustomer is not null)
                {
                    item = item with { PurchasedByCustomer = await purchases.PurchasedByCustomerAsync(p.Id, cancellationToken) };
                }

                created += await gate.InitializeAsync(item, cancellationToken) ? 1 : 0;
            }

            seen += products.Count;
            if (products.Count < PageRequest.MaxPageSize)
            {
                return new WarmUpInventoryResult(seen, created, lost);
            }
        }
    }
}
