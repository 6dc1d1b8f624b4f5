using Mediator;
using Reservations.Application.Common.Paging;
using Reservations.Application.Common.Ports;

namespace Reservations.Application.Products.RefreshTerms;

public sealed class RefreshProductTermsHandler(ICatalog catalog, IInventoryGate gate)
    : ICommandHandler<RefreshProductTermsCommand, int>
{
    public async ValueTask<int> Handle(RefreshProductTermsCommand command, CancellationToken cancellationToken)
    {
        var (written, page) = (0, PageRequest.DefaultPage);
        while (true)
        {
            var products = await catalog.ListUpdatedSinceAsync(command.UpdatedSince, page++, PageRequest.MaxPageSize, cancellationToken);
            await Task.WhenAll(products.Select(p => gate.WriteTermsAsync(p.ToInventoryItem(p.Unsold), cancellationToken)));
            written += products.Count;
            if (products.Count < PageRequest.MaxPageSize)
            {
                return written;
            }
        }
    }
}
