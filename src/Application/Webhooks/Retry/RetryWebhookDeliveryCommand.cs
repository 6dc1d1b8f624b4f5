using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Webhooks.Retry;

public sealed record RetryWebhookDeliveryCommand(Guid EndpointId, Guid DeliveryId) : ICommand<Result<WebhookDeliveryResponse>>;
