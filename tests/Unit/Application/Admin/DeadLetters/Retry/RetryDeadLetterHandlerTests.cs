using NSubstitute;
using Reservations.Application.Admin.DeadLetters.Retry;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;

namespace Reservations.UnitTests.Application.Admin.DeadLetters.Retry;

public class RetryDeadLetterHandlerTests
{
    private readonly IPurchaseOutbox _outbox = Substitute.For<IPurchaseOutbox>();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly Guid _reservationId = Guid.CreateVersion7();

    [Fact]
    public async Task Handle_WhenOutboxRequeuesIt_Succeeds()
    {
        _outbox.RetryDeadLetterAsync(_reservationId, _ct).Returns(true);

        var result = await new RetryDeadLetterHandler(_outbox).Handle(new RetryDeadLetterCommand(_reservationId), _ct);

        result.IsSuccess.Should().BeTrue();
        await _outbox.Received(1).RetryDeadLetterAsync(_reservationId, _ct);
    }

    [Fact]
    public async Task Handle_WhenNoSuchDeadLetter_ReturnsDeadLetterNotFoundWith404()
    {
        _outbox.RetryDeadLetterAsync(_reservationId, _ct).Returns(false);

        var result = await new RetryDeadLetterHandler(_outbox).Handle(new RetryDeadLetterCommand(_reservationId), _ct);

        result.IsSuccess.Should().BeFalse();
        (result.Error!.Code, result.Error.Kind).Should().Be(("dead-letter-not-found", ErrorKind.NotFound));
    }
}
