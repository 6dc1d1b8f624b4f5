using Microsoft.AspNetCore.Http;
using Reservations.WebApi;
using Serilog.Events;

namespace Reservations.UnitTests.WebApi.Logging;

/// <summary>The default minimum level is Information: a request at Debug is not logged, a Warning or Error is.</summary>
public class RequestLogLevelsTests
{
    private const double SlowMs = 500;
    private const double FastMs = 3;

    private readonly RequestLogLevels _levels = new(TimeSpan.FromMilliseconds(SlowMs));

    [Theory]
    [InlineData(StatusCodes.Status200OK)]
    [InlineData(StatusCodes.Status201Created)]
    [InlineData(StatusCodes.Status409Conflict)]
    public void AFastAnswer_IsNotLogged(int status) =>
        _levels.Of(Answered(status), FastMs, exception: null).Should().Be(LogEventLevel.Debug);

    [Theory]
    [InlineData(StatusCodes.Status201Created)]
    [InlineData(StatusCodes.Status404NotFound)]
    public void ASlowAnswer_IsAWarning(int status)
    {
        _levels.Of(Answered(status), SlowMs, exception: null).Should().Be(LogEventLevel.Warning);
        _levels.Of(Answered(status), SlowMs - 1, exception: null).Should().Be(LogEventLevel.Debug);
    }

    [Fact]
    public void AServerError_IsAnError_HoweverFast()
    {
        _levels.Of(Answered(StatusCodes.Status500InternalServerError), FastMs, exception: null).Should().Be(LogEventLevel.Error);
        _levels.Of(Answered(StatusCodes.Status503ServiceUnavailable), FastMs, exception: null).Should().Be(LogEventLevel.Error);
        _levels.Of(Answered(StatusCodes.Status200OK), FastMs, new InvalidOperationException()).Should().Be(LogEventLevel.Error);
    }

    [Fact]
    public void RefusalsToProtectTheService_AreNotLogged_EvenWhenSlow()
    {
        var shed = Answered(StatusCodes.Status503ServiceUnavailable);
        shed.Items[RequestLogLevels.Shed] = true;

        _levels.Of(shed, SlowMs * 4, exception: null).Should().Be(LogEventLevel.Debug);
        _levels.Of(Answered(StatusCodes.Status429TooManyRequests), SlowMs * 4, exception: null).Should().Be(LogEventLevel.Debug);
    }

    [Fact]
    public void AStream_IsNotASlowRequest_HoweverLongItLasted_ButItsFailuresAreErrors()
    {
        var stream = Answered(StatusCodes.Status200OK);
        stream.Items[RequestLogLevels.LongLived] = true;

        _levels.Of(stream, SlowMs * 1000, exception: null).Should().Be(LogEventLevel.Debug);
        _levels.Of(stream, SlowMs * 1000, new InvalidOperationException()).Should().Be(LogEventLevel.Error);
    }

    private static DefaultHttpContext Answered(int status) => new() { Response = { StatusCode = status } };
}
