using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Reservations.Application.Common.Ports;
using Reservations.Application.Webhooks;
using Reservations.Application.Webhooks.Create;
using Reservations.Domain.Webhooks;
using Reservations.UnitTests.Application.Common;

namespace Reservations.UnitTests.Application.Webhooks.Create;

public class CreateWebhookEndpointHandlerTests
{
    private readonly IWebhookEndpoints _endpoints = Substitute.For<IWebhookEndpoints>();
    private readonly IWebhookEventStore _events = Substitute.For<IWebhookEventStore>();
    private readonly IGateEventSwitch _gate = Substitute.For<IGateEventSwitch>();
    private readonly IFailureClassifier _failures = Substitute.For<IFailureClassifier>();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handle_StoresTheEndpointAndReturnsItsSecretOnce()
    {
        var result = await Handler().Handle(Command(), _ct);

        result.IsSuccess.Should().BeTrue();
        result.Value.Secret.Should().StartWith("whsec_");
        Convert.FromBase64String(result.Value.Secret["whsec_".Length..]).Should().HaveCount(32);
        await _endpoints.Received(1).AddAsync(
            Arg.Is<WebhookEndpoint>(e => e.Id == result.Value.Id && e.Secret == result.Value.Secret && e.Url == "https://hooks.example.com/x"), _ct);
    }

    [Fact]
    public async Task Handle_SwitchesItsTypesOnBeforeStoringTheEndpoint_ThenSetsTheSwitchToWhatTheEndpointsWant()
    {
        var subscribed = new GateEventSubscriptions(7, new HashSet<string> { WebhookEventTypes.HoldExpired });
        _events.SubscriptionsAsync(_ct).Returns(subscribed);

        await Handler().Handle(Command(), _ct);

        Received.InOrder(() =>
        {
            _gate.AddAsync(Arg.Is<IReadOnlySet<string>>(t => t.SetEquals(new[] { WebhookEventTypes.HoldExpired })), _ct);
            _endpoints.AddAsync(Arg.Any<WebhookEndpoint>(), _ct);
            _events.SubscriptionsAsync(_ct);
            _gate.SetAsync(subscribed, _ct);
        });
    }

    [Fact]
    public async Task Handle_WhenTheGateCannotBeToldFirst_StoresNothing()
    {
        _gate.AddAsync(default!, _ct).ReturnsForAnyArgs(Task.FromException(new TimeoutException("redis")));

        var handle = async () => await Handler().Handle(Command(), _ct);

        await handle.Should().ThrowAsync<TimeoutException>();
        await _endpoints.DidNotReceiveWithAnyArgs().AddAsync(default!, _ct);
    }

    [Fact]
    public async Task Handle_WhenSettingTheSwitchFailsAfterTheEndpointIsStored_StillAnswersWithItsSecret()
    {
        _events.SubscriptionsAsync(_ct).Returns(Task.FromException<GateEventSubscriptions>(new TimeoutException("redis")));
        _failures.IsTransient(Arg.Any<TimeoutException>()).Returns(true);

        var result = await Handler().Handle(Command(), _ct);

        result.Value.Secret.Should().StartWith("whsec_");
        await _endpoints.ReceivedWithAnyArgs(1).AddAsync(default!, _ct);
    }

    [Fact]
    public async Task Handle_GivesEveryEndpointASecretOfItsOwn()
    {
        var first = await Handler().Handle(Command(), _ct);
        var second = await Handler().Handle(Command(), _ct);

        first.Value.Secret.Should().NotBe(second.Value.Secret);
    }

    private static CreateWebhookEndpointCommand Command() => new("https://hooks.example.com/x", [WebhookEventTypes.HoldExpired]);

    private CreateWebhookEndpointHandler Handler() =>
        new(_endpoints, _gate, new GateEventSwitchSync(_events, _gate, _failures, NullLogger<GateEventSwitchSync>.Instance), new FixedTimeProvider(DateTimeOffset.Parse("2026-12-06T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
}
