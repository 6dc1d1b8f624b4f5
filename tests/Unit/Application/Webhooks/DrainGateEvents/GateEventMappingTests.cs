using Reservations.Application.Purchases;
using Reservations.Application.Webhooks;
using Reservations.Application.Webhooks.DrainGateEvents;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;

namespace Reservations.UnitTests.Application.Webhooks.DrainGateEvents;

public class GateEventMappingTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 23, 40, 1, 250, TimeSpan.Zero);

    private static readonly Hold Hold = new(
        new Guid("019af5a1-2b3c-7d4e-8f60-718293a40003"), new Guid("01a212fe-11bf-7ac6-9dca-37e1fd0586f0"),
        CustomerId.From("alice"), Quantity.From(2), 89.00m, HoldStatus.Expired,
        new DateTimeOffset(2026, 12, 6, 23, 30, 0, 415, TimeSpan.Zero), new DateTimeOffset(2026, 12, 6, 23, 40, 0, 415, TimeSpan.Zero));

    [Fact]
    public void ToWebhookEvent_OfAHoldEvent_CarriesItsTypeAndTimeAndTheHoldAsTheApiWritesIt()
    {
        var webhookEvent = Event(WebhookEventTypes.HoldExpired).ToWebhookEvent();

        webhookEvent.Type.Should().Be(WebhookEventTypes.HoldExpired);
        webhookEvent.CreatedAt.Should().Be(At);
        webhookEvent.Data.Should().Be(
            """{"id":"019af5a1-2b3c-7d4e-8f60-718293a40003","productId":"01a212fe-11bf-7ac6-9dca-37e1fd0586f0","customerId":"alice","quantity":2,"unitPrice":89.00,"items":[{"productId":"01a212fe-11bf-7ac6-9dca-37e1fd0586f0","quantity":2,"unitPrice":89.00}],"total":178.00,"status":"expired","createdAt":"2026-12-06T23:30:00.415+00:00","expiresAt":"2026-12-06T23:40:00.415+00:00"}""");
    }

    [Fact]
    public void ToWebhookEvent_OfADeadLetter_CarriesTheOrderAsTheApiWritesItPlusTheReason()
    {
        var deadLetter = new DeadLetteredPurchase(new DateTimeOffset(2026, 12, 6, 23, 35, 2, 5, TimeSpan.Zero), "sold would exceed total_stock");

        var webhookEvent = Event(WebhookEventTypes.OrderDeadLettered, deadLetter: deadLetter).ToWebhookEvent();

        webhookEvent.Type.Should().Be(WebhookEventTypes.OrderDeadLettered);
        webhookEvent.Data.Should().Be(
            """{"id":"019af5a1-2b3c-7d4e-8f60-718293a40003","productId":"01a212fe-11bf-7ac6-9dca-37e1fd0586f0","customerId":"alice","quantity":2,"unitPrice":89.00,"items":[{"productId":"01a212fe-11bf-7ac6-9dca-37e1fd0586f0","quantity":2,"unitPrice":89.00}],"total":178.00,"purchasedAt":"2026-12-06T23:35:02.005+00:00","reason":"sold would exceed total_stock"}""");
    }

    [Fact]
    public void DeadLetteredOrderData_HasTheOrdersPropertiesInTheirOrderThenTheReason()
    {
        var names = typeof(DeadLetteredOrderData).GetProperties().Select(p => (p.Name, p.PropertyType));

        names.Should().Equal(
            [.. typeof(OrderResponse).GetProperties().Select(p => (p.Name, p.PropertyType)), ("Reason", typeof(string))]);
    }

    [Fact]
    public void ToWebhookEvent_OfADeadLetterWithoutItsDetails_Throws()
    {
        var map = () => Event(WebhookEventTypes.OrderDeadLettered).ToWebhookEvent();

        map.Should().Throw<ArgumentException>().WithMessage("*has no dead letter*");
    }

    [Fact]
    public void ToWebhookEvent_OfOneEntryReadTwice_GivesOneIdAndEveryOtherEntryAnother()
    {
        var id = Event(WebhookEventTypes.HoldCreated).ToWebhookEvent().Id;

        Event(WebhookEventTypes.HoldCreated).ToWebhookEvent().Id.Should().Be(id, "a re-read after a crash must be deduplicated");
        Event(WebhookEventTypes.HoldCreated, entryId: "1765064401250-1").ToWebhookEvent().Id.Should().NotBe(id);
        Event(WebhookEventTypes.HoldCreated, outbox: "rsv:{s4}:events").ToWebhookEvent().Id.Should().NotBe(id);
        Event(WebhookEventTypes.HoldCreated, outbox: "other:{s3}:events").ToWebhookEvent().Id.Should().NotBe(id);
        id.Version.Should().Be(5);
    }

    private static GateEvent Event(
        string type, string outbox = "rsv:{s3}:events", string entryId = "1765064401250-0", DeadLetteredPurchase? deadLetter = null) =>
        new(outbox, entryId, type, At, Hold, deadLetter);
}
