using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Reservations.Application.Common.Behaviors;
using Reservations.Application.Common.Results;
using Reservations.Application.Holds;

namespace Reservations.UnitTests.Application.Common.Behaviors;

public sealed class MetricsBehaviorTests : IDisposable
{
    private const string Outcomes = "reservations.use_case.outcomes";

    // A message type only these tests send, so the recorder sees no one else's measurements.
    private readonly MetricsRecorder _recorder = new(nameof(MetricsProbe));

    public void Dispose() => _recorder.Dispose();

    [Fact]
    public async Task Handle_WhenResultSucceeds_CountsOneOkAndReturnsTheResponse()
    {
        var success = Result<int>.Success(42);

        var response = await Handle(_ => ValueTask.FromResult(success));

        response.Should().BeSameAs(success);
        ShouldHaveCountedOnce("ok");
    }

    [Fact]
    public async Task Handle_WhenResultFails_CountsItsErrorCode()
    {
        var failure = Result<int>.Failure(HoldErrors.OutOfStock(0, Guid.CreateVersion7()));

        var response = await Handle(_ => ValueTask.FromResult(failure));

        response.Should().BeSameAs(failure);
        ShouldHaveCountedOnce("out-of-stock");
    }

    [Fact]
    public async Task Handle_WhenValidationFails_CountsInvalidAndRethrows()
    {
        var invalid = new ValidationException([new ValidationFailure("Quantity", "too many")]);

        var act = async () => await Handle(_ => ValueTask.FromException<Result<int>>(invalid));

        (await act.Should().ThrowAsync<ValidationException>()).Which.Should().BeSameAs(invalid);
        ShouldHaveCountedOnce("invalid");
    }

    [Fact]
    public async Task Handle_WhenHandlerThrows_CountsFailedAndRethrows()
    {
        var broken = new InvalidOperationException("redis is down");

        var act = async () => await Handle(_ => throw broken);

        (await act.Should().ThrowAsync<InvalidOperationException>()).Which.Should().BeSameAs(broken);
        ShouldHaveCountedOnce("failed");
    }

    [Fact]
    public async Task Handle_WhenResponseIsNotAResult_CountsOk()
    {
        using var recorder = new MetricsRecorder(nameof(PlainProbe));

        var response = await new MetricsBehavior<PlainProbe, int>().Handle(
            new PlainProbe(), (_, _) => ValueTask.FromResult(7), TestContext.Current.CancellationToken);

        response.Should().Be(7);
        recorder.Of(Outcomes).Should().ContainSingle().Which.Tags.Should().Contain("outcome", "ok");
    }

    [Fact]
    public async Task Handle_WhenDone_RecordsOneDurationWithTheSameTags()
    {
        await Handle(_ => ValueTask.FromResult(Result<int>.Failure(HoldErrors.HoldExpired)));

        var duration = _recorder.Of("reservations.use_case.duration").Should().ContainSingle().Subject;
        duration.Value.Should().BeGreaterThanOrEqualTo(0);
        duration.Tags.Should().Contain("use_case", nameof(MetricsProbe)).And.Contain("outcome", "hold-expired");
    }

    [Fact]
    public async Task Handle_WhenTheCallerCancels_CountsCancelledAndRethrows()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var act = async () => await new MetricsBehavior<MetricsProbe, Result<int>>().Handle(
            new MetricsProbe(1), (_, token) => ValueTask.FromException<Result<int>>(new OperationCanceledException(token)), cancelled.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        ShouldHaveCountedOnce("cancelled");
    }

    private static ValueTask<Result<int>> Handle(Func<MetricsProbe, ValueTask<Result<int>>> next) =>
        new MetricsBehavior<MetricsProbe, Result<int>>().Handle(
            new MetricsProbe(1), (message, _) => next(message), TestContext.Current.CancellationToken);

    private void ShouldHaveCountedOnce(string outcome)
    {
        var counted = _recorder.Of(Outcomes).Should().ContainSingle().Subject;
        counted.Value.Should().Be(1);
        counted.Tags.Should().Contain("use_case", nameof(MetricsProbe)).And.Contain("outcome", outcome);
    }

    private sealed record MetricsProbe(int Value) : ICommand<Result<int>>;

    private sealed record PlainProbe : IQuery<int>;
}
