using Reservations.Domain.Webhooks;

namespace Reservations.Application.Webhooks;

public interface IWebhookEndpoints
{
    Task AddAsync(WebhookEndpoint endpoint, CancellationToken cancellationToken);

    Task<IReadOnlyList<WebhookEndpointResponse>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The endpoint (without its secret), or null when there is no such endpoint.</summary>
    Task<WebhookEndpointResponse?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>One page of the endpoint's deliveries, newest first, and how many there are; null when there is no such endpoint.</summary>
    Task<(IReadOnlyList<WebhookDeliveryResponse> Items, int Total)?> ListDeliveriesAsync(
        Guid endpointId, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>Makes the delivery pending and due now, with a new retry window from now, and enables its endpoint
    /// again; the delivery as it is now, or null when the endpoint has no such delivery.</summary>
    Task<WebhookDeliveryResponse?> RetryDeliveryAsync(
        Guid endpointId, Guid deliveryId, TimeSpan retryWindow, CancellationToken cancellationToken);
}
