using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Reservations.Application.Common.Ports;
using Reservations.Application.Products;
using Reservations.Application.Products.CompleteAdjustments;
using Reservations.Domain.Products;

namespace Reservations.UnitTests.Application.Products.CompleteAdjustments;

public class CompletePendingAdjustmentsHandlerTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    private readonly ICatalog _catalog = Substitute.For<ICatalog>();
    private readonly IStockGate _gate = Substitute.For<IStockGate>();
    private readonly IFailureClassifier _failures = Substitute.For<IFailureClassifier>();
    private readonly Product _product = TestProducts.Create(stock: 100);
    private readonly CompletePendingAdjustmentsHandler _handler;

    public CompletePendingAdjustmentsHandlerTests()
    {
        _catalog.MarkAdjustmentAppliedAsync(Arg.Any<StockAdjustment>(), Arg.Any<CancellationToken>()).Returns(_product);
        _catalog.RevertAdjustmentAsync(Arg.Any<StockAdjustment>(), Arg.Any<CancellationToken>()).Returns(_product);
        _failures.IsTransient(Arg.Any<Exception>()).Returns(call => call.Arg<Exception>() is TimeoutException);
        _handler = new CompletePendingAdjustmentsHandler(
            _catalog, _gate, _failures, TimeProvider.System, NullLogger<CompletePendingAdjustmentsHandler>.Instance);
    }

    [Fact]
    public async Task Handle_AppliesEachAdjustmentPendingLongerThanTheGrace_AndMarksOrRevertsIt()
    {
        var added = Pending(5);
        var removed = Pending(-50);
        var before = DateTimeOffset.UtcNow - Grace;
        _catalog.ListPendingAdjustmentsAsync(
                Arg.Is<DateTimeOffset>(t => t >= before && t <= DateTimeOffset.UtcNow - Grace), CompletePendingAdjustmentsCommand.Batch,
                Arg.Any<CancellationToken>())
            .Returns([added, removed]);
        _gate.ApplyAdjustmentAsync(added, Arg.Any<CancellationToken>()).Returns(new AdjustmentApplication(AdjustmentOutcome.Applied, 105));
        _gate.ApplyAdjustmentAsync(removed, Arg.Any<CancellationToken>()).Returns(new AdjustmentApplication(AdjustmentOutcome.Refused, 20));

        var completed = await _handler.Handle(new CompletePendingAdjustmentsCommand(Grace), TestContext.Current.CancellationToken);

        completed.Should().Be(2);
        await _catalog.Received(1).MarkAdjustmentAppliedAsync(added, Arg.Any<CancellationToken>());
        await _catalog.Received(1).RevertAdjustmentAsync(removed, Arg.Any<CancellationToken>());
        await _catalog.DidNotReceive().RevertAdjustmentAsync(added, Arg.Any<CancellationToken>());
        await _catalog.DidNotReceive().MarkAdjustmentAppliedAsync(removed, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_WhenOneAdjustmentFailsForGood_LeavesItPendingAndCompletesTheOthers()
    {
        var (broken, added) = (Pending(3), Pending(5));
        _catalog.ListPendingAdjustmentsAsync(Arg.Any<DateTimeOffset>(), Arg.Any<int>(), Arg.Any<CancellationToken>()).Returns([broken, added]);
        _gate.ApplyAdjustmentAsync(broken, Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("WRONGTYPE"));
        _gate.ApplyAdjustmentAsync(added, Arg.Any<CancellationToken>()).Returns(new AdjustmentApplication(AdjustmentOutcome.Applied, 105));

        var completed = await _handler.Handle(new CompletePendingAdjustmentsCommand(Grace), TestContext.Current.CancellationToken);

        completed.Should().Be(2);
        await _catalog.Received(1).MarkAdjustmentAppliedAsync(added, Arg.Any<CancellationToken>());
        await _catalog.DidNotReceive().MarkAdjustmentAppliedAsync(broken, Arg.Any<CancellationToken>());
        await _catalog.DidNotReceive().RevertAdjustmentAsync(broken, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_WhenRedisIsDown_ThrowsAndMarksNothing_SoTheNextTickTriesAgain()
    {
        var added = Pending(5);
        _catalog.ListPendingAdjustmentsAsync(Arg.Any<DateTimeOffset>(), Arg.Any<int>(), Arg.Any<CancellationToken>()).Returns([added]);
        _gate.ApplyAdjustmentAsync(added, Arg.Any<CancellationToken>()).ThrowsAsync(new TimeoutException("Redis"));

        var handle = () => _handler.Handle(new CompletePendingAdjustmentsCommand(Grace), TestContext.Current.CancellationToken).AsTask();

        await handle.Should().ThrowAsync<TimeoutException>();
        await _catalog.DidNotReceiveWithAnyArgs().MarkAdjustmentAppliedAsync(default!, TestContext.Current.CancellationToken);
        await _catalog.DidNotReceiveWithAnyArgs().RevertAdjustmentAsync(default!, TestContext.Current.CancellationToken);
    }

    private StockAdjustment Pending(int delta) => new(_product.Id, delta, "admin", null, DateTimeOffset.UtcNow.AddMinutes(-1));
}
