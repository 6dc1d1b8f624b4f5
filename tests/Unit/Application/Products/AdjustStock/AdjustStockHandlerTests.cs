using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Application.Products;
using Reservations.Application.Products.AdjustStock;
using Reservations.Domain.Products;
using Reservations.Infrastructure;
using StackExchange.Redis;

namespace Reservations.UnitTests.Application.Products.AdjustStock;

public class AdjustStockHandlerTests
{
    private readonly ICatalog _catalog = Substitute.For<ICatalog>();
    private readonly IStockGate _gate = Substitute.For<IStockGate>();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly Product _product = TestProducts.Create(stock: 250);
    private readonly Product _after = TestProducts.Create(stock: 255);
    private readonly AdjustStockHandler _handler;

    public AdjustStockHandlerTests()
    {
        // The catalog records what it is given, pending, unless a test says otherwise.
        _catalog.RecordAdjustmentAsync(Arg.Any<StockAdjustment>(), Arg.Any<CancellationToken>())
            .Returns(call => new RecordedAdjustment(call.Arg<StockAdjustment>(), _after));
        _catalog.MarkAdjustmentAppliedAsync(Arg.Any<StockAdjustment>(), Arg.Any<CancellationToken>()).Returns(_after);
        _catalog.RevertAdjustmentAsync(Arg.Any<StockAdjustment>(), Arg.Any<CancellationToken>()).Returns(_product);
        _handler = new AdjustStockHandler(
            _catalog, _gate, new StoreFailureClassifier(), TimeProvider.System, NullLogger<AdjustStockHandler>.Instance);
    }

    private Guid Id => _product.Id;

    [Fact]
    public async Task Handle_RecordsTheAdjustmentPendingFirst_ThenAppliesItInRedis_ThenMarksItApplied()
    {
        GivenGateAnswers(AdjustmentOutcome.Applied, available: 12);

        var result = await Handle(5);

        Received.InOrder(() =>
        {
            _ = _catalog.RecordAdjustmentAsync(Change(5), _ct);
            _ = _gate.ApplyAdjustmentAsync(Change(5), CancellationToken.None);
            _ = _catalog.MarkAdjustmentAppliedAsync(Change(5), CancellationToken.None);
        });
        result.Value.Should().BeEquivalentTo(new
        {
            ProductId = Id, Delta = 5, Status = StockAdjustmentStatus.Applied, TotalStock = 255, Available = (int?)12,
        });
        await _catalog.DidNotReceiveWithAnyArgs().RevertAdjustmentAsync(default!, _ct);
    }

    [Fact]
    public async Task Handle_WhenRedisRefusesTheRemoval_RevertsTheTotalAndAnswersInsufficientAvailable()
    {
        GivenGateAnswers(AdjustmentOutcome.Refused, available: 2);

        var result = await Handle(-3);

        result.Error!.Code.Should().Be("insufficient-available");
        result.Error.Extensions!["available"].Should().Be(2);
        await _catalog.Received(1).RevertAdjustmentAsync(Change(-3), CancellationToken.None);
        await _catalog.DidNotReceiveWithAnyArgs().MarkAdjustmentAppliedAsync(default!, _ct);
    }

    [Fact]
    public async Task Handle_WhenRedisDoesNotAnswerInTime_LeavesItPendingForTheWorker_AndUndoesNothing()
    {
        _gate.ApplyAdjustmentAsync(Arg.Any<StockAdjustment>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new RedisTimeoutException(CommandFlags.None, "Timeout awaiting response", CommandStatus.Sent));

        var result = await Handle(5);

        result.Value.Should().BeEquivalentTo(new { Status = StockAdjustmentStatus.Pending, TotalStock = 255, Available = (int?)null });
        await _catalog.DidNotReceiveWithAnyArgs().RevertAdjustmentAsync(default!, _ct);
        await _catalog.DidNotReceiveWithAnyArgs().MarkAdjustmentAppliedAsync(default!, _ct);
    }

    [Fact]
    public async Task Handle_WhenPostgresFailsToMarkItApplied_AnswersPending()
    {
        GivenGateAnswers(AdjustmentOutcome.Applied, available: 12);
        _catalog.MarkAdjustmentAppliedAsync(Arg.Any<StockAdjustment>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new TimeoutException("PostgreSQL"));

        var result = await Handle(5);

        result.Value.Status.Should().Be(StockAdjustmentStatus.Pending);
    }

    [Fact]
    public async Task Handle_WhenTheSecondStepFailsForGood_Throws_AndLeavesItPending()
    {
        _gate.ApplyAdjustmentAsync(Arg.Any<StockAdjustment>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new InvalidOperationException("Unexpected adjust reply"));

        var handle = () => Handle(5).AsTask();

        await handle.Should().ThrowAsync<InvalidOperationException>();
        await _catalog.DidNotReceiveWithAnyArgs().RevertAdjustmentAsync(default!, _ct);
    }

    [Fact]
    public async Task Handle_WhenPostgresRefusesTheRecord_ReturnsItsError_AndRedisIsNotTouched()
    {
        var mismatch = ProductErrors.TotalStockMismatch(250);
        _catalog.RecordAdjustmentAsync(Arg.Any<StockAdjustment>(), Arg.Any<CancellationToken>()).Returns(mismatch);

        var result = await Handle(5);

        result.Error.Should().BeSameAs(mismatch);
        await _gate.DidNotReceiveWithAnyArgs().ApplyAdjustmentAsync(default!, _ct);
    }

    [Fact]
    public async Task Handle_WhenPostgresRefusesARemovalBelowWhatIsSold_AnswersWithWhatRedisHasAvailable()
    {
        _catalog.RecordAdjustmentAsync(Arg.Any<StockAdjustment>(), Arg.Any<CancellationToken>()).Returns(ProductErrors.InsufficientAvailable(250));
        _gate.GetStockAsync(Id, Arg.Any<CancellationToken>()).Returns(new GateStock(248, 0, 2, 0));

        var result = await Handle(-5000);

        result.Error!.Extensions!["available"].Should().Be(248);
        await _gate.DidNotReceiveWithAnyArgs().ApplyAdjustmentAsync(default!, _ct);
    }

    [Fact]
    public async Task Handle_PassesTheActorReasonKeyAndExpectedTotalToTheRecord()
    {
        GivenGateAnswers(AdjustmentOutcome.Applied, available: 10);

        await _handler.Handle(new AdjustStockCommand(Id, 5, "carol", "recount", "key-1", 250), _ct);

        await _catalog.Received(1).RecordAdjustmentAsync(Arg.Is<StockAdjustment>(a =>
            a.ProductId == Id && a.Delta == 5 && a.Actor == "carol" && a.Reason == "recount"
            && a.IdempotencyKey == "key-1" && a.ExpectedTotalStock == 250 && a.Status == StockAdjustmentStatus.Pending), _ct);
    }

    [Fact]
    public async Task Handle_ReplayOfAnAppliedAdjustment_AnswersIt_WithoutApplyingAgain()
    {
        var earlier = GivenEarlier(5, StockAdjustmentStatus.Applied);
        _gate.GetStockAsync(Id, Arg.Any<CancellationToken>()).Returns(new GateStock(12, 0, 0, 0));

        var result = await Handle(5);

        result.Value.Should().BeEquivalentTo(new
        {
            AdjustmentId = earlier.Id, Status = StockAdjustmentStatus.Applied, TotalStock = 255, Available = (int?)12,
        });
        await _gate.DidNotReceiveWithAnyArgs().ApplyAdjustmentAsync(default!, _ct);
    }

    [Fact]
    public async Task Handle_ReplayOfARevertedAdjustment_AnswersInsufficientAvailableAgain()
    {
        GivenEarlier(-3, StockAdjustmentStatus.Reverted);
        _gate.GetStockAsync(Id, Arg.Any<CancellationToken>()).Returns(new GateStock(1, 0, 0, 0));

        var result = await Handle(-3);

        result.Error!.Code.Should().Be("insufficient-available");
        await _gate.DidNotReceiveWithAnyArgs().ApplyAdjustmentAsync(default!, _ct);
        await _catalog.DidNotReceiveWithAnyArgs().RevertAdjustmentAsync(default!, _ct);
    }

    [Fact]
    public async Task Handle_ReplayOfAPendingAdjustment_CompletesThatOne()
    {
        var earlier = GivenEarlier(5, StockAdjustmentStatus.Pending);
        GivenGateAnswers(AdjustmentOutcome.Applied, available: 12);

        var result = await Handle(5);

        await _gate.Received(1).ApplyAdjustmentAsync(earlier, CancellationToken.None);
        await _catalog.Received(1).MarkAdjustmentAppliedAsync(earlier, CancellationToken.None);
        result.Value.Should().BeEquivalentTo(new { AdjustmentId = earlier.Id, Status = StockAdjustmentStatus.Applied });
    }

    [Fact]
    public async Task Handle_WhenRedisHasNoStateForTheProduct_AnswersPending_AndMarksNothing()
    {
        GivenGateAnswers(AdjustmentOutcome.NoGateState, available: 0);

        var result = await Handle(5);

        result.Value.Should().BeEquivalentTo(new { Status = StockAdjustmentStatus.Pending, Available = (int?)null });
        await _catalog.DidNotReceiveWithAnyArgs().MarkAdjustmentAppliedAsync(default!, _ct);
        await _catalog.DidNotReceiveWithAnyArgs().RevertAdjustmentAsync(default!, _ct);
    }

    private ValueTask<Result<AdjustStockResponse>> Handle(int delta) =>
        _handler.Handle(new AdjustStockCommand(Id, delta, "admin"), _ct);

    private StockAdjustment Change(int delta) => Arg.Is<StockAdjustment>(a => a.ProductId == Id && a.Delta == delta);

    private void GivenGateAnswers(AdjustmentOutcome outcome, int available) =>
        _gate.ApplyAdjustmentAsync(Arg.Any<StockAdjustment>(), Arg.Any<CancellationToken>())
            .Returns(new AdjustmentApplication(outcome, available));

    private StockAdjustment GivenEarlier(int delta, StockAdjustmentStatus status)
    {
        var earlier = new StockAdjustment(Id, delta, "admin", null, DateTimeOffset.UtcNow.AddMinutes(-1)).WithStatus(status);
        _catalog.RecordAdjustmentAsync(Arg.Any<StockAdjustment>(), Arg.Any<CancellationToken>())
            .Returns(new RecordedAdjustment(earlier, _after));
        return earlier;
    }
}
