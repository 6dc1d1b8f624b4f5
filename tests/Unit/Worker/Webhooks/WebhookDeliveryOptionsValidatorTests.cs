using Reservations.Worker.Webhooks;

namespace Reservations.UnitTests.Worker.Webhooks;

public class WebhookDeliveryOptionsValidatorTests
{
    private readonly WebhookDeliveryOptionsValidator _validator = new();

    [Fact]
    public void Validate_TheDefaults_Succeeds() => _validator.Validate(null, new WebhookDeliveryOptions()).Succeeded.Should().BeTrue();

    [Fact]
    public void Validate_WhenTheLeaseIsNotTwiceTheAttemptTimeout_FailsNamingIt()
    {
        var result = _validator.Validate(null, new WebhookDeliveryOptions { AttemptTimeout = TimeSpan.FromSeconds(10), Lease = TimeSpan.FromSeconds(20) });

        result.Failures.Should().ContainSingle().Which.Should().Contain("Webhooks:Delivery:Lease");
    }

    [Fact]
    public void Validate_WhenARetryDelayIsNotPositive_Fails() =>
        _validator.Validate(null, new WebhookDeliveryOptions { RetryDelays = [TimeSpan.FromSeconds(1), TimeSpan.Zero] })
            .Failures.Should().ContainSingle().Which.Should().Contain("Webhooks:Delivery:RetryDelays");

    [Fact]
    public void Validate_WhenPollIntervalAndLanesAreZero_ReportsBoth() =>
        _validator.Validate(null, new WebhookDeliveryOptions { PollInterval = TimeSpan.Zero, MaxLanes = 0 })
            .Failures.Should().HaveCount(2);
}
