using Microsoft.Extensions.Options;
using Reservations.Application.Products.LiveAvailability;
using Reservations.WebApi.LiveAvailability;

namespace Reservations.UnitTests.WebApi.LiveAvailability;

public class StreamAdmissionTests
{
    private readonly StreamAdmission _admission = new(Options.Create(new LiveAvailabilityOptions { MaxStreamsPerClient = 2, MaxStreams = 3 }));

    [Fact]
    public void AClientBeyondItsBound_IsTooManyForClient_AndAnotherClientStillGetsIn()
    {
        _admission.TryAdmit("10.0.0.1").IsSuccess.Should().BeTrue();
        _admission.TryAdmit("10.0.0.1").IsSuccess.Should().BeTrue();

        _admission.TryAdmit("10.0.0.1").Error.Should().Be(StreamAdmission.TooManyForClient);
        _admission.TryAdmit("10.0.0.2").IsSuccess.Should().BeTrue();
    }

    [Fact]
    public void BeyondTheProcessBound_EveryClientIsRefusedAsFull_UntilAStreamCloses()
    {
        var first = _admission.TryAdmit("10.0.0.1").Value;
        _admission.TryAdmit("10.0.0.2");
        _admission.TryAdmit("10.0.0.3");

        _admission.TryAdmit("10.0.0.4").Error.Should().Be(StreamAdmission.Full);
        first.Dispose();
        first.Dispose();
        _admission.TryAdmit("10.0.0.4").IsSuccess.Should().BeTrue();
        _admission.TryAdmit("10.0.0.5").Error.Should().Be(StreamAdmission.Full);
    }
}
