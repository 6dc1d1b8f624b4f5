using Mediator;
using Reservations.Application.Common.Paging;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Webhooks.Deliveries;

public sealed record ListWebhookDeliveriesQuery(
    Guid EndpointId, int Page = PageRequest.DefaultPage, int PageSize = PageRequest.DefaultPageSize)
    : IQuery<Result<PagedResponse<WebhookDeliveryResponse>>>, IPagedQuery;
