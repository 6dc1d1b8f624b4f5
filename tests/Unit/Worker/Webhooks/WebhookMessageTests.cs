using System.Text.Json;
using Reservations.Application.Webhooks;
using Reservations.Application.Webhooks.Delivery;
using Reservations.Worker.Webhooks;

namespace Reservations.UnitTests.Worker.Webhooks;

public class WebhookMessageTests
{
    [Fact]
    public void Body_CarriesTheEventIdTypeTimeAndDataAsStored()
    {
        var delivery = new DueDelivery(Guid.NewGuid(), Guid.NewGuid(), 0, Guid.NewGuid(), WebhookEventTypes.OrderCompleted,
            new DateTimeOffset(2026, 12, 6, 23, 0, 1, 500, TimeSpan.FromHours(1)), """{"id": "x", "total": 178.00}""",
            Guid.NewGuid(), "https://hooks.example.com", "whsec_x");

        var body = JsonDocument.Parse(WebhookMessage.Body(delivery)).RootElement;

        body.GetProperty("id").GetGuid().Should().Be(delivery.EventId);
        body.GetProperty("type").GetString().Should().Be(WebhookEventTypes.OrderCompleted);
        body.GetProperty("createdAt").GetString().Should().Be("2026-12-06T22:00:01.5+00:00");
        body.GetProperty("data").GetRawText().Should().Be("""{"id": "x", "total": 178.00}""");
    }
}
