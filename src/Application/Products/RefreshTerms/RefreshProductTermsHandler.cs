using Mediator;
using Reservations.Application.Common.Paging;
using Reservations.Application.Common.Ports;
using Reservations.Domain.Products;

namespace Reservations.Application.Products.RefreshTerms;

public sealed class RefreshProductTermsHandler(ICatalog catalog, IInventoryGate gate)
    : ICommandHandler<RefreshProductTermsCommand, int>
{
    private const int Batch = PageRequest.MaxPageSize;

    public async ValueTask<int> Handle(RefreshProductTermsCommand command, CancellationToken cancellationToken)
    {
        var (written, last) = (0, (Product?)null);
        while (true)
        {
            var products = await catalog.ListUpdatedSinceAsync(command.UpdatedSince, last, Batch, cancellationToken);
            await Task.WhenAll(products.Select(p => gate.WriteTermsAsync(p.ToInventoryItem(p.Unsold), cancellationToken)));
            written += products.Count;
            if (products.Count < Batch)
            {
                return written;
            }

            last = products[^1];
        }
    }
}
