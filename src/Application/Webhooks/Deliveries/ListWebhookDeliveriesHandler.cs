using Mediator;
using Reservations.Application.Common.Paging;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Webhooks.Deliveries;

public sealed class ListWebhookDeliveriesHandler(IWebhookEndpoints endpoints)
    : IQueryHandler<ListWebhookDeliveriesQuery, Result<PagedResponse<WebhookDeliveryResponse>>>
{
    public async ValueTask<Result<PagedResponse<WebhookDeliveryResponse>>> Handle(
        ListWebhookDeliveriesQuery query, CancellationToken cancellationToken) =>
        await endpoints.ListDeliveriesAsync(query.EndpointId, query.Page, query.PageSize, cancellationToken) is { } page
            ? new PagedResponse<WebhookDeliveryResponse>(page.Items, query.Page, query.PageSize, page.Total)
            : WebhookErrors.EndpointNotFound;
}
