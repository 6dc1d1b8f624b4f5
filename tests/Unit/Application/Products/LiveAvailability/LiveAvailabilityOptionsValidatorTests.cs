using Reservations.Application.Products.LiveAvailability;

namespace Reservations.UnitTests.Application.Products.LiveAvailability;

public class LiveAvailabilityOptionsValidatorTests
{
    private readonly LiveAvailabilityOptionsValidator _validator = new();

    [Fact]
    public void TheDefaults_AreValid() =>
        _validator.Validate(null, new LiveAvailabilityOptions()).Succeeded.Should().BeTrue();

    public static TheoryData<string, LiveAvailabilityOptions> Invalid => new()
    {
        { "MaxStreamsPerClient", new LiveAvailabilityOptions { MaxStreamsPerClient = 0 } },
        { "MaxStreams", new LiveAvailabilityOptions { MaxStreams = -1 } },
        { "Tick", new LiveAvailabilityOptions { Tick = TimeSpan.Zero } },
        { "KeepAlive", new LiveAvailabilityOptions { KeepAlive = TimeSpan.FromHours(1) } },
        { "Retention", new LiveAvailabilityOptions { Retention = TimeSpan.FromSeconds(59) } },
        { "ReconnectDelay", new LiveAvailabilityOptions { ReconnectDelay = TimeSpan.Zero } },
        { "TotalsRefresh", new LiveAvailabilityOptions { TotalsRefresh = TimeSpan.FromHours(1) } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void AnOptionOutOfItsRange_FailsNamingIt(string option, LiveAvailabilityOptions options)
    {
        var result = _validator.Validate(null, options);

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain(option);
    }
}
