using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Webhooks.Get;

public sealed class GetWebhookEndpointHandler(IWebhookEndpoints endpoints)
    : IQueryHandler<GetWebhookEndpointQuery, Result<WebhookEndpointResponse>>
{
    public async ValueTask<Result<WebhookEndpointResponse>> Handle(GetWebhookEndpointQuery query, CancellationToken cancellationToken) =>
        await endpoints.FindAsync(query.Id, cancellationToken) is { } endpoint ? endpoint : WebhookErrors.EndpointNotFound;
}
