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
    public async Task Handle_SwitchesTheSubscribedTypesOnInTheGateAfterStoringTheEndpoint()
    {
        IReadOnlySet<string> subscribed = new HashSet<string> { WebhookEventTypes.HoldExpired };
        _events.SubscribedTypesAsync(_ct).Returns(subscribed);

        await Handler().Handle(Command(), _ct);

        Received.InOrder(() =>
        {
            _endpoints.AddAsync(Arg.Any<WebhookEndpoint>(), _ct);
            _events.SubscribedTypesAsync(_ct);
            _gate.SetAsync(subscribed, _ct);
        });
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
        new(_endpoints, _events, _gate, new FixedTimeProvider(DateTimeOffset.Parse("2026-12-06T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
}
