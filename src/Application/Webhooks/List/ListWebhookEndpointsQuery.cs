using Mediator;

namespace Reservations.Application.Webhooks.List;

public sealed record ListWebhookEndpointsQuery : IQuery<IReadOnlyList<WebhookEndpointResponse>>;
