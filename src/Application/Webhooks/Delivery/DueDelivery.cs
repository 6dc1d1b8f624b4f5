namespace Reservations.Application.Webhooks.Delivery;

/// <summary>The lease token proves the claim is still this Worker's when it records the outcome.</summary>
public sealed record DueDelivery(
    Guid Id, Guid LeaseToken, int Attempts, Guid EventId, string EventType, DateTimeOffset EventCreatedAt, string Data,
    Guid EndpointId, string Url, string Secret)
{
    /// <summary>Without the secret, should a delivery ever be logged.</summary>
    public override string ToString() => $"Delivery {Id} of {EventType} event {EventId} to endpoint {EndpointId}";
}
