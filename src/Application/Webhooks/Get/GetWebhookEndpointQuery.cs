using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Webhooks.Get;

public sealed record GetWebhookEndpointQuery(Guid Id) : IQuery<Result<WebhookEndpointResponse>>;
