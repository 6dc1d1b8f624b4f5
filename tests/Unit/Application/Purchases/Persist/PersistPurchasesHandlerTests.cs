using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Reservations.Application.Common.Ports;
using Reservations.Application.Purchases.Persist;

namespace Reservations.UnitTests.Application.Purchases.Persist;

public class PersistPurchasesHandlerTests
{
    private const int Shard = 3;
    private const int Max = 25;

    private static readonly DateTimeOffset PurchasedAt = new(2026, 11, 25, 13, 10, 4, TimeSpan.Zero);

    private readonly IPurchaseOutbox _outbox = Substitute.For<IPurchaseOutbox>();
    private readonly IPurchaseStore _store = Substitute.For<IPurchaseStore>();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly PersistPurchasesHandler _handler;

    public PersistPurchasesHandlerTests() =>
        _handler = new PersistPurchasesHandler(_outbox, _store, TimeProvider.System, NullLogger<PersistPurchasesHandler>.Instance);

    [Fact]
    public async Task Handle_WhenPersisted_CompletesTheEntryWithoutTheCallersTokenAndCountsIt()
    {
        var purchase = GivenBatch(Purchase("1-0"))[0];
        GivenStoreAnswers(purchase, PersistOutcome.Persisted);

        var report = await Handle();

        await _outbox.Received(1).CompleteAsync(purchase, CancellationToken.None);
        await _outbox.DidNotReceiveWithAnyArgs().DeadLetterAsync(default!, default!, _ct);
        report.Should().Be(new PersistPurchasesReport(Read: 1, Persisted: 1, AlreadyPersisted: 0, DeadLettered: 0, Deferred: 0));
    }

    [Fact]
    public async Task Handle_WhenAlreadyPersisted_CompletesTheEntryAndCountsItAsAlreadyPersisted()
    {
        var purchase = GivenBatch(Purchase("1-0"))[0];
        GivenStoreAnswers(purchase, PersistOutcome.AlreadyPersisted);

        var report = await Handle();

        await _outbox.Received(1).CompleteAsync(purchase, CancellationToken.None);
        await _outbox.DidNotReceiveWithAnyArgs().DeadLetterAsync(default!, default!, _ct);
        report.Should().Be(new PersistPurchasesReport(Read: 1, Persisted: 0, AlreadyPersisted: 1, DeadLettered: 0, Deferred: 0));
    }

    [Fact]
    public async Task Handle_WhenRefused_DeadLettersItWithTheReasonAndDoesNotComplete()
    {
        var purchase = GivenBatch(Purchase("1-0"))[0];
        GivenStoreAnswers(purchase, PersistOutcome.Refused, "ck_orders_quantity");

        var report = await Handle();

        await _outbox.Received(1).DeadLetterAsync(purchase, "ck_orders_quantity", Arg.Any<CancellationToken>());
        await _outbox.DidNotReceiveWithAnyArgs().CompleteAsync(default!, _ct);
        report.Should().Be(new PersistPurchasesReport(Read: 1, Persisted: 0, AlreadyPersisted: 0, DeadLettered: 1, Deferred: 0));
    }

    [Fact]
    public async Task Handle_WhenRefusedWithoutAReason_DeadLettersItAsRefused()
    {
        var purchase = GivenBatch(Purchase("1-0"))[0];
        GivenStoreAnswers(purchase, PersistOutcome.Refused);

        await Handle();

        await _outbox.Received(1).DeadLetterAsync(purchase, "refused", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_WhenTheStoreFails_StopsTheBatchThereAndLeavesTheRestPendingAsDeferred()
    {
        var (done, failing, after) = (Purchase("1-0"), Purchase("1-1"), Purchase("1-2"));
        GivenBatch(done, failing, after);
        GivenStoreAnswers(done, PersistOutcome.Persisted);
        _store.PersistAsync(failing, Arg.Any<CancellationToken>()).ThrowsAsync(new TimeoutException("PostgreSQL"));
        GivenStoreAnswers(after, PersistOutcome.Persisted);

        var report = await Handle();

        await _outbox.Received(1).CompleteAsync(done, CancellationToken.None);
        await _outbox.DidNotReceive().CompleteAsync(failing, Arg.Any<CancellationToken>());
        await _outbox.DidNotReceive().DeadLetterAsync(failing, Arg.Any<string>(), Arg.Any<CancellationToken>());
        await _store.DidNotReceive().PersistAsync(after, Arg.Any<CancellationToken>());
        report.Should().Be(new PersistPurchasesReport(Read: 3, Persisted: 1, AlreadyPersisted: 0, DeadLettered: 0, Deferred: 2));
    }

    [Fact]
    public async Task Handle_WhenTheStoreFailsInAnyOtherWay_AlsoDefersRatherThanDeadLettering()
    {
        var (failing, after) = (Purchase("1-0"), Purchase("1-1"));
        GivenBatch(failing, after);
        _store.PersistAsync(failing, Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("relation \"purchases\" does not exist"));

        var report = await Handle();

        await _outbox.DidNotReceiveWithAnyArgs().DeadLetterAsync(default!, default!, _ct);
        await _store.DidNotReceive().PersistAsync(after, Arg.Any<CancellationToken>());
        report.Should().Be(new PersistPurchasesReport(Read: 2, Persisted: 0, AlreadyPersisted: 0, DeadLettered: 0, Deferred: 2));
    }

    [Fact]
    public async Task Handle_WhenCompletingInRedisFails_LeavesThePersistedPurchasePendingAsDeferred()
    {
        var purchase = GivenBatch(Purchase("1-0"))[0];
        GivenStoreAnswers(purchase, PersistOutcome.Persisted);
        _outbox.CompleteAsync(purchase, Arg.Any<CancellationToken>()).ThrowsAsync(new TimeoutException("Redis"));

        var report = await Handle();

        report.Should().Be(new PersistPurchasesReport(Read: 1, Persisted: 0, AlreadyPersisted: 0, DeadLettered: 0, Deferred: 1));
    }

    [Fact]
    public async Task Handle_WhenCancelled_PropagatesWithoutCompletingOrDeadLettering()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var purchase = GivenBatch(Purchase("1-0"))[0];
        _store.PersistAsync(purchase, Arg.Any<CancellationToken>()).ThrowsAsync(new OperationCanceledException(cancelled.Token));

        var act = async () => await _handler.Handle(new PersistPurchasesCommand(Shard, Max), cancelled.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        await _outbox.DidNotReceiveWithAnyArgs().CompleteAsync(default!, _ct);
        await _outbox.DidNotReceiveWithAnyArgs().DeadLetterAsync(default!, default!, _ct);
    }

    [Fact]
    public async Task Handle_WhenBatchIsMixed_ReadsTheCommandsShardAndMaxAndReportsEveryEntry()
    {
        var batch = GivenBatch(Purchase("1-0"), Purchase("1-1"), Purchase("1-2"), Purchase("2-0"));
        GivenStoreAnswers(batch[0], PersistOutcome.Persisted);
        GivenStoreAnswers(batch[1], PersistOutcome.AlreadyPersisted);
        GivenStoreAnswers(batch[2], PersistOutcome.Refused, "fk_orders_product");
        GivenStoreAnswers(batch[3], PersistOutcome.Persisted);

        var report = await Handle();

        await _outbox.Received(1).ReadAsync(Shard, Max, _ct);
        report.Should().Be(new PersistPurchasesReport(Read: 4, Persisted: 2, AlreadyPersisted: 1, DeadLettered: 1, Deferred: 0));
    }

    [Fact]
    public async Task Handle_WhenNothingIsWaiting_ReportsAnEmptyBatchAndPersistsNothing()
    {
        GivenBatch();

        var report = await Handle();

        report.Should().Be(new PersistPurchasesReport(0, 0, 0, 0, 0));
        await _store.DidNotReceiveWithAnyArgs().PersistAsync(default!, _ct);
    }

    private static PendingPurchase Purchase(string entryId) =>
        new(entryId, Guid.CreateVersion7(), Guid.CreateVersion7(), "alice", 2, 49.90m, PurchasedAt);

    private PendingPurchase[] GivenBatch(params PendingPurchase[] batch)
    {
        _outbox.ReadAsync(Shard, Max, Arg.Any<CancellationToken>()).Returns(batch);
        return batch;
    }

    private void GivenStoreAnswers(PendingPurchase purchase, PersistOutcome outcome, string? reason = null) =>
        _store.PersistAsync(purchase, Arg.Any<CancellationToken>()).Returns((outcome, reason));

    private ValueTask<PersistPurchasesReport> Handle() => _handler.Handle(new PersistPurchasesCommand(Shard, Max), _ct);
}
