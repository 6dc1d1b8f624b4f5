using System.Text.Json;
using Mediator;
using Reservations.Application.Common.Paging;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Products.Changes;

public sealed class ListProductChangesHandler(ICatalog catalog)
    : IQueryHandler<ListProductChangesQuery, Result<PagedResponse<ProductChangeResponse>>>
{
    public async ValueTask<Result<PagedResponse<ProductChangeResponse>>> Handle(
        ListProductChangesQuery query, CancellationToken cancellationToken)
    {
        if (await catalog.FindAsync(query.ProductId, cancellationToken) is null)
        {
            return ProductErrors.NotFound;
        }

        var (items, total) = await catalog.ListChangesAsync(query.ProductId, query.Page, query.PageSize, cancellationToken);
        return new PagedResponse<ProductChangeResponse>(
            [.. items.Select(c => new ProductChangeResponse(c.Id, c.Actor, c.Reason, c.At, JsonSerializer.Deserialize<JsonElement>(c.Changes)))],
            query.Page, query.PageSize, total);
    }
}
