using Reservations.Application.Common.Results;

namespace Reservations.Application.Webhooks;

public static class WebhookErrors
{
    public static readonly Error EndpointNotFound = new("webhook-endpoint-not-found", 404);

    public static readonly Error DeliveryNotFound = new("webhook-delivery-not-found", 404);
}
