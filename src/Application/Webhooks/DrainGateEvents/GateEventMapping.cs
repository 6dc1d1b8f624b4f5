using System.Text.Json;
using Reservations.Application.Common.Ports;
using Reservations.Application.Holds;
using Reservations.Application.Purchases;

namespace Reservations.Application.Webhooks.DrainGateEvents;

public static class GateEventMapping
{
    // The namespace of the name-based ids of gate events (RFC 9562 section 5.5): a fixed, random UUID.
    private static readonly Guid IdNamespace = new("5b0c3d1e-8f47-4a6e-9d2b-7c41e0a9f3b6");

    /// <summary>The id derives from the outbox entry alone, so a re-read after a crash gives the same id; the data is
    /// the hold as the API returns it, or for a dead letter the order plus the reason.</summary>
    public static WebhookEvent ToWebhookEvent(this GateEvent gateEvent) =>
        new(IdOf(gateEvent), gateEvent.Type, gateEvent.At, DataOf(gateEvent));

    public static Guid IdOf(GateEvent gateEvent) =>
        NameBasedGuid.Create(IdNamespace, $"{gateEvent.Outbox}/{gateEvent.EntryId}");

    private static string DataOf(GateEvent gateEvent)
    {
        if (gateEvent.Type != WebhookEventTypes.OrderDeadLettered)
        {
            return JsonSerializer.Serialize(gateEvent.Hold.ToResponse(), WebhookJson.Options);
        }

        var deadLetter = gateEvent.DeadLetter
            ?? throw new ArgumentException($"The {gateEvent.Type} event {gateEvent.EntryId} has no dead letter.", nameof(gateEvent));
        var hold = gateEvent.Hold;
        var order = new DeadLetteredOrderData(hold.Id, hold.SingleLine?.ProductId, hold.Customer.Value, hold.SingleLine?.Quantity.Value,
            hold.SingleLine?.UnitPrice, [.. hold.Lines.Select(line => new OrderItemResponse(line.ProductId, line.Quantity.Value, line.UnitPrice))],
            hold.Total, deadLetter.PurchasedAt, deadLetter.Reason);
        return JsonSerializer.Serialize(order, WebhookJson.Options);
    }
}
