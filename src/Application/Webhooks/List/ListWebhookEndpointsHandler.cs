using Mediator;

namespace Reservations.Application.Webhooks.List;

public sealed class ListWebhookEndpointsHandler(IWebhookEndpoints endpoints)
    : IQueryHandler<ListWebhookEndpointsQuery, IReadOnlyList<WebhookEndpointResponse>>
{
    public async ValueTask<IReadOnlyList<WebhookEndpointResponse>> Handle(
        ListWebhookEndpointsQuery query, CancellationToken cancellationToken) =>
        await endpoints.ListAsync(cancellationToken);
}
