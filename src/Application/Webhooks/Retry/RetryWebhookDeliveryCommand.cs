using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Webhooks.Retry;

/// <summary>Sends a delivery again now (an admin fixed the receiver), and enables its endpoint again if it was disabled.</summary>
public sealed record RetryWebhookDeliveryCommand(Guid EndpointId, Guid DeliveryId) : ICommand<Result<WebhookDeliveryResponse>>;
