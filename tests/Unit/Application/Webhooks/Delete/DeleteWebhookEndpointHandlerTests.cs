using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Application.Webhooks;
using Reservations.Application.Webhooks.Delete;

namespace Reservations.UnitTests.Application.Webhooks.Delete;

public class DeleteWebhookEndpointHandlerTests
{
    private readonly IWebhookEndpoints _endpoints = Substitute.For<IWebhookEndpoints>();
    private readonly IWebhookEventStore _events = Substitute.For<IWebhookEventStore>();
    private readonly IGateEventSwitch _gate = Substitute.For<IGateEventSwitch>();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly Guid _id = Guid.CreateVersion7();

    [Fact]
    public async Task Handle_WhenTheEndpointExists_DeletesItThenSetsTheGateToTheTypesStillWanted()
    {
        var remaining = new GateEventSubscriptions(8, new HashSet<string>());
        _endpoints.DeleteAsync(_id, _ct).Returns(true);
        _events.SubscriptionsAsync(_ct).Returns(remaining);

        var result = await Handler().Handle(new DeleteWebhookEndpointCommand(_id), _ct);

        result.IsSuccess.Should().BeTrue();
        Received.InOrder(() =>
        {
            _endpoints.DeleteAsync(_id, _ct);
            _gate.SetAsync(remaining, _ct);
        });
    }

    [Fact]
    public async Task Handle_WhenNoSuchEndpoint_ReturnsNotFoundAndLeavesTheGateAlone()
    {
        _endpoints.DeleteAsync(_id, _ct).Returns(false);

        var result = await Handler().Handle(new DeleteWebhookEndpointCommand(_id), _ct);

        (result.Error!.Code, result.Error.Kind).Should().Be(("webhook-endpoint-not-found", ErrorKind.NotFound));
        await _gate.DidNotReceiveWithAnyArgs().SetAsync(default!, _ct);
    }

    private DeleteWebhookEndpointHandler Handler() =>
        new(_endpoints, new GateEventSwitchSync(_events, _gate, Substitute.For<IFailureClassifier>(), NullLogger<GateEventSwitchSync>.Instance));
}
