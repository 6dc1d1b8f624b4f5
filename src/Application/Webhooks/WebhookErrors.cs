using Reservations.Application.Common.Results;

namespace Reservations.Application.Webhooks;

public static class WebhookErrors
{
    public static readonly Error EndpointNotFound = new("webhook-endpoint-not-found", ErrorKind.NotFound);

    public static readonly Error DeliveryNotFound = new("webhook-delivery-not-found", ErrorKind.NotFound);
}
