using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NSubstitute;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Application.Webhooks;
using Reservations.Application.Webhooks.Retry;

namespace Reservations.UnitTests.Application.Webhooks.Retry;

public class RetryWebhookDeliveryHandlerTests
{
    private readonly IWebhookEndpoints _endpoints = Substitute.For<IWebhookEndpoints>();
    private readonly IWebhookEventStore _events = Substitute.For<IWebhookEventStore>();
    private readonly IGateEventSwitch _gate = Substitute.For<IGateEventSwitch>();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly WebhookOptions _options = new() { RetryWindow = TimeSpan.FromHours(3) };
    private readonly Guid _endpointId = Guid.CreateVersion7();
    private readonly Guid _deliveryId = Guid.CreateVersion7();

    [Fact]
    public async Task Handle_WhenTheDeliveryExists_MakesItDueWithTheConfiguredWindowAndSetsTheGateAgain()
    {
        var delivery = new WebhookDeliveryResponse(_deliveryId, Guid.NewGuid(), WebhookEventTypes.OrderCompleted,
            WebhookDeliveryStatus.Pending, 3, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, 500, "HTTP 500.", null);
        _endpoints.RetryDeliveryAsync(_endpointId, _deliveryId, _options.RetryWindow, _ct).Returns(delivery);

        var result = await Handler().Handle(new RetryWebhookDeliveryCommand(_endpointId, _deliveryId), _ct);

        result.Value.Should().Be(delivery);
        await _gate.Received(1).SetAsync(Arg.Any<GateEventSubscriptions>(), _ct);
    }

    [Fact]
    public async Task Handle_WhenNoSuchDelivery_ReturnsNotFound()
    {
        _endpoints.RetryDeliveryAsync(_endpointId, _deliveryId, _options.RetryWindow, _ct).Returns((WebhookDeliveryResponse?)null);

        var result = await Handler().Handle(new RetryWebhookDeliveryCommand(_endpointId, _deliveryId), _ct);

        (result.Error!.Code, result.Error.Kind).Should().Be(("webhook-delivery-not-found", ErrorKind.NotFound));
        await _gate.DidNotReceiveWithAnyArgs().SetAsync(default!, _ct);
    }

    private RetryWebhookDeliveryHandler Handler() => new(
        _endpoints,
        new GateEventSwitchSync(_events, _gate, Substitute.For<IFailureClassifier>(), NullLogger<GateEventSwitchSync>.Instance),
        Options.Create(_options));
}
