using Mediator;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Products.LiveAvailability.Open;

public sealed class OpenAvailabilityStreamHandler(AvailabilityHub hub, ICatalog catalog)
    : IQueryHandler<OpenAvailabilityStreamQuery, Result<AvailabilitySubscription>>
{
    public async ValueTask<Result<AvailabilitySubscription>> Handle(OpenAvailabilityStreamQuery query, CancellationToken cancellationToken)
    {
        // A product watched here is known to the catalog already: thousands joining a hot product ask it once.
        var totalStock = hub.TotalStockOf(query.ProductId)
            ?? (await catalog.FindAsync(query.ProductId, cancellationToken))?.TotalStock;
        if (totalStock is null)
        {
            return ProductErrors.NotFound;
        }

        return await hub.OpenAsync(query.ProductId, totalStock.Value, query.LastEventId, cancellationToken);
    }
}
