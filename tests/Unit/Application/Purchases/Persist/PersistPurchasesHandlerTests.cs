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
    private const string Refusal = "23514 ck_products_sold_within_stock";

    private static readonly DateTimeOffset PurchasedAt = new(2026, 11, 25, 13, 10, 4, TimeSpan.Zero);

    private readonly IPurchaseOutbox _outbox = Substitute.For<IPurchaseOutbox>();
    private readonly IPurchaseStore _store = Substitute.For<IPurchaseStore>();
    private readonly IFailureClassifier _failures = Substitute.For<IFailureClassifier>();
    private readonly List<PendingPurchase[]> _storeCalls = [];
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly PersistPurchasesHandler _handler;

    public PersistPurchasesHandlerTests()
    {
        _outbox.DeadLetterAsync(Arg.Any<PendingPurchase>(), Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(true);
        _outbox.ExhaustedAsync(Shard, Arg.Any<IReadOnlyList<PendingPurchase>>(), Arg.Any<CancellationToken>()).Returns([]);
        _failures.IsTransient(Arg.Any<Exception>()).Returns(call => call.Arg<Exception>() is TimeoutException);
        _handler = new PersistPurchasesHandler(_outbox, _store, _failures, TimeProvider.System, NullLogger<PersistPurchasesHandler>.Instance);
    }

    [Fact]
    public async Task Handle_WhenTheBatchIsStored_PersistsItInOneCallAndCompletesItInOneCallWithoutTheCallersToken()
    {
        var batch = GivenBatch(Purchase("1-0"), Purchase("1-1"), Purchase("1-2"));
        GivenStoreRefuses();

        var report = await Handle();

        _storeCalls.Should().ContainSingle().Which.Should().Equal(batch);
        await _outbox.Received(1).CompleteAsync(Arg.Is<IReadOnlyList<PendingPurchase>>(p => p.SequenceEqual(batch)), CancellationToken.None);
        await _outbox.DidNotReceiveWithAnyArgs().DeadLetterAsync(default!, default!, _ct);
        report.Should().Be(new PersistPurchasesReport(Read: 3, Persisted: 3, AlreadyPersisted: 0, DeadLettered: 0, Deferred: 0));
    }

    [Fact]
    public async Task Handle_WhenThePersistedBatchHoldsAnAlreadyPersistedPurchase_CompletesItTooAndCountsItApart()
    {
        var batch = GivenBatch(Purchase("1-0"), Purchase("1-1"), Purchase("1-2"));
        _store.PersistAsync(Arg.Any<IReadOnlyList<PendingPurchase>>(), Arg.Any<CancellationToken>()).Returns(PersistBatchResult.Stored(
            [PersistOutcome.Persisted, PersistOutcome.AlreadyPersisted, PersistOutcome.Persisted]));

        var report = await Handle();

        await _outbox.Received(1).CompleteAsync(Arg.Is<IReadOnlyList<PendingPurchase>>(p => p.SequenceEqual(batch)), CancellationToken.None);
        report.Should().Be(new PersistPurchasesReport(Read: 3, Persisted: 2, AlreadyPersisted: 1, DeadLettered: 0, Deferred: 0));
    }

    [Fact]
    public async Task Handle_WhenOnePurchaseIsRefused_DeadLettersOnlyItAndCompletesEveryOtherInOneCall()
    {
        var batch = GivenBatch([.. Enumerable.Range(0, 8).Select(i => Purchase($"1-{i}"))]);
        var poison = batch[5];
        GivenStoreRefuses(poison);

        var report = await Handle();

        await _outbox.Received(1).DeadLetterAsync(poison, Refusal, CancellationToken.None);
        await _outbox.Received(1).CompleteAsync(
            Arg.Is<IReadOnlyList<PendingPurchase>>(p => p.SequenceEqual(batch.Where(b => b != poison))), CancellationToken.None);
        _storeCalls.Should().HaveCountLessThan(batch.Length, "halving finds the refused purchase in fewer statements than one by one");
        report.Should().Be(new PersistPurchasesReport(Read: 8, Persisted: 7, AlreadyPersisted: 0, DeadLettered: 1, Deferred: 0));
    }

    [Fact]
    public async Task Handle_WhenSeveralPurchasesAreRefused_DeadLettersEachWithTheReason()
    {
        var batch = GivenBatch(Purchase("1-0"), Purchase("1-1"), Purchase("1-2"), Purchase("1-3"), Purchase("1-4"));
        GivenStoreRefuses(batch[0], batch[3]);

        var report = await Handle();

        await _outbox.Received(1).DeadLetterAsync(batch[0], Refusal, CancellationToken.None);
        await _outbox.Received(1).DeadLetterAsync(batch[3], Refusal, CancellationToken.None);
        await _outbox.Received(1).CompleteAsync(
            Arg.Is<IReadOnlyList<PendingPurchase>>(p => p.SequenceEqual(new[] { batch[1], batch[2], batch[4] })), CancellationToken.None);
        report.Should().Be(new PersistPurchasesReport(Read: 5, Persisted: 3, AlreadyPersisted: 0, DeadLettered: 2, Deferred: 0));
    }

    [Fact]
    public async Task Handle_WhenEveryPurchaseIsRefused_DeadLettersThemAndCompletesNothing()
    {
        var purchase = GivenBatch(Purchase("1-0"))[0];
        GivenStoreRefuses(purchase);

        var report = await Handle();

        await _outbox.Received(1).DeadLetterAsync(purchase, Refusal, CancellationToken.None);
        await _outbox.DidNotReceiveWithAnyArgs().CompleteAsync(default!, _ct);
        report.Should().Be(new PersistPurchasesReport(Read: 1, Persisted: 0, AlreadyPersisted: 0, DeadLettered: 1, Deferred: 0));
    }

    [Fact]
    public async Task Handle_WhenTheStoreFails_LeavesTheWholeBatchPendingAsDeferred()
    {
        GivenBatch(Purchase("1-0"), Purchase("1-1"));
        _store.PersistAsync(Arg.Any<IReadOnlyList<PendingPurchase>>(), Arg.Any<CancellationToken>()).ThrowsAsync(new TimeoutException("PostgreSQL"));

        var report = await Handle();

        await _outbox.DidNotReceiveWithAnyArgs().CompleteAsync(default!, _ct);
        await _outbox.DidNotReceiveWithAnyArgs().DeadLetterAsync(default!, default!, _ct);
        report.Should().Be(new PersistPurchasesReport(Read: 2, Persisted: 0, AlreadyPersisted: 0, DeadLettered: 0, Deferred: 2));
    }

    [Fact]
    public async Task Handle_WhenTheStoreFailsWhileIsolatingARefusal_CompletesNothingOfTheBatch()
    {
        var batch = GivenBatch(Purchase("1-0"), Purchase("1-1"), Purchase("1-2"), Purchase("1-3"));
        GivenStoreRefuses(batch[3]);
        _store.PersistAsync(Arg.Is<IReadOnlyList<PendingPurchase>>(p => p.Count == 2 && p[0] == batch[2]), Arg.Any<CancellationToken>())
            .ThrowsAsync(new InvalidOperationException("relation \"purchases\" does not exist"));

        var report = await Handle();

        await _outbox.DidNotReceiveWithAnyArgs().CompleteAsync(default!, _ct);
        await _outbox.DidNotReceiveWithAnyArgs().DeadLetterAsync(default!, default!, _ct);
        report.Should().Be(new PersistPurchasesReport(Read: 4, Persisted: 0, AlreadyPersisted: 0, DeadLettered: 0, Deferred: 4));
    }

    [Fact]
    public async Task Handle_WhenThePassingFailureRepeats_NeverSinglesOutPurchasesDeliveredTooOften()
    {
        var batch = GivenBatch(Purchase("1-0"), Purchase("1-1"));
        _store.PersistAsync(Arg.Any<IReadOnlyList<PendingPurchase>>(), Arg.Any<CancellationToken>()).ThrowsAsync(new TimeoutException("PostgreSQL"));
        _outbox.ExhaustedAsync(Shard, Arg.Any<IReadOnlyList<PendingPurchase>>(), Arg.Any<CancellationToken>()).Returns([(batch[0], 9)]);

        var report = await Handle();

        await _outbox.DidNotReceiveWithAnyArgs().ExhaustedAsync(default, default!, _ct);
        report.Should().Be(new PersistPurchasesReport(Read: 2, Persisted: 0, AlreadyPersisted: 0, DeadLettered: 0, Deferred: 2));
    }

    [Fact]
    public async Task Handle_WhenAFailureForGoodRepeats_DeadLettersThePurchaseDeliveredTooOftenThatFailsAloneWhileAnotherGoesThrough()
    {
        var batch = GivenBatch(Purchase("1-0"), Purchase("1-1"), Purchase("1-2"));
        GivenStoreFailsWith(batch[1]);
        _outbox.ExhaustedAsync(Shard, Arg.Is<IReadOnlyList<PendingPurchase>>(p => p.SequenceEqual(batch)), Arg.Any<CancellationToken>())
            .Returns([(batch[0], 5), (batch[1], 5)]);

        var report = await Handle();

        _storeCalls.Should().BeEquivalentTo(new[] { batch, [batch[0]], [batch[1]] }, o => o.WithStrictOrdering());
        await _outbox.Received(1).CompleteAsync(Arg.Is<IReadOnlyList<PendingPurchase>>(p => p.SequenceEqual(new[] { batch[0] })), CancellationToken.None);
        await _outbox.Received(1).DeadLetterAsync(batch[1], "not persisted after 5 deliveries: boom", CancellationToken.None);
        report.Should().Be(new PersistPurchasesReport(Read: 3, Persisted: 1, AlreadyPersisted: 0, DeadLettered: 1, Deferred: 1));
    }

    [Fact]
    public async Task Handle_WhenEveryPurchaseDeliveredTooOftenAlsoFailsAlone_BlamesTheStoreAndKeepsThemAllPending()
    {
        var batch = GivenBatch(Purchase("1-0"), Purchase("1-1"));
        _store.PersistAsync(Arg.Any<IReadOnlyList<PendingPurchase>>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new InvalidOperationException("relation \"purchases\" does not exist"));
        _outbox.ExhaustedAsync(Shard, Arg.Any<IReadOnlyList<PendingPurchase>>(), Arg.Any<CancellationToken>()).Returns([(batch[0], 5), (batch[1], 7)]);

        var report = await Handle();

        await _outbox.DidNotReceiveWithAnyArgs().DeadLetterAsync(default!, default!, _ct);
        await _outbox.DidNotReceiveWithAnyArgs().CompleteAsync(default!, _ct);
        report.Should().Be(new PersistPurchasesReport(Read: 2, Persisted: 0, AlreadyPersisted: 0, DeadLettered: 0, Deferred: 2));
    }

    [Fact]
    public async Task Handle_WhenAFailureForGoodRepeats_PersistsAndCompletesAPurchaseDeliveredTooOftenThatGoesThroughAlone()
    {
        var batch = GivenBatch(Purchase("1-0"), Purchase("1-1"));
        GivenStoreFailsWith(batch[1]);
        _outbox.ExhaustedAsync(Shard, Arg.Any<IReadOnlyList<PendingPurchase>>(), Arg.Any<CancellationToken>()).Returns([(batch[0], 5)]);

        var report = await Handle();

        await _outbox.Received(1).CompleteAsync(Arg.Is<IReadOnlyList<PendingPurchase>>(p => p.SequenceEqual(new[] { batch[0] })), CancellationToken.None);
        await _outbox.DidNotReceiveWithAnyArgs().DeadLetterAsync(default!, default!, _ct);
        report.Should().Be(new PersistPurchasesReport(Read: 2, Persisted: 1, AlreadyPersisted: 0, DeadLettered: 0, Deferred: 1));
    }

    [Fact]
    public async Task Handle_WhenCompletingInRedisFails_LeavesThePersistedBatchPendingAsDeferred()
    {
        GivenBatch(Purchase("1-0"), Purchase("1-1"));
        GivenStoreRefuses();
        _outbox.CompleteAsync(Arg.Any<IReadOnlyList<PendingPurchase>>(), Arg.Any<CancellationToken>()).ThrowsAsync(new TimeoutException("Redis"));

        var report = await Handle();

        report.Should().Be(new PersistPurchasesReport(Read: 2, Persisted: 0, AlreadyPersisted: 0, DeadLettered: 0, Deferred: 2));
    }

    [Fact]
    public async Task Handle_WhenDeadLetteringFails_CompletesTheStoredAndDefersTheRefusedLeft()
    {
        var batch = GivenBatch(Purchase("1-0"), Purchase("1-1"), Purchase("1-2"));
        GivenStoreRefuses(batch[0], batch[2]);
        _outbox.DeadLetterAsync(batch[0], Arg.Any<string>(), Arg.Any<CancellationToken>()).ThrowsAsync(new TimeoutException("Redis"));

        var report = await Handle();

        await _outbox.Received(1).CompleteAsync(Arg.Is<IReadOnlyList<PendingPurchase>>(p => p.SequenceEqual(new[] { batch[1] })), CancellationToken.None);
        await _outbox.DidNotReceive().DeadLetterAsync(batch[2], Arg.Any<string>(), Arg.Any<CancellationToken>());
        report.Should().Be(new PersistPurchasesReport(Read: 3, Persisted: 1, AlreadyPersisted: 0, DeadLettered: 0, Deferred: 2));
    }

    [Fact]
    public async Task Handle_WhenCancelled_PropagatesWithoutCompletingOrDeadLettering()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        GivenBatch(Purchase("1-0"));
        _store.PersistAsync(Arg.Any<IReadOnlyList<PendingPurchase>>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new OperationCanceledException(cancelled.Token));

        var act = async () => await _handler.Handle(new PersistPurchasesCommand(Shard, Max), cancelled.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        await _outbox.DidNotReceiveWithAnyArgs().CompleteAsync(default!, _ct);
        await _outbox.DidNotReceiveWithAnyArgs().DeadLetterAsync(default!, default!, _ct);
    }

    [Fact]
    public async Task Handle_WhenNothingIsWaiting_ReadsTheCommandsShardAndMaxAndPersistsNothing()
    {
        GivenBatch();

        var report = await Handle();

        await _outbox.Received(1).ReadAsync(Shard, Max, _ct);
        report.Should().Be(new PersistPurchasesReport(0, 0, 0, 0, 0));
        await _store.DidNotReceiveWithAnyArgs().PersistAsync(default!, _ct);
    }

    private static PendingPurchase Purchase(string entryId) =>
        new(entryId, Guid.CreateVersion7(), "alice", [new PurchaseLine(Guid.CreateVersion7(), 2, 49.90m)], PurchasedAt);

    private PendingPurchase[] GivenBatch(params PendingPurchase[] batch)
    {
        _outbox.ReadAsync(Shard, Max, Arg.Any<CancellationToken>()).Returns(batch);
        return batch;
    }

    // As PostgreSQL does: a statement with a refused purchase in it writes nothing; any other is stored whole.
    private void GivenStoreRefuses(params PendingPurchase[] refused) =>
        _store.PersistAsync(Arg.Any<IReadOnlyList<PendingPurchase>>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            var purchases = call.Arg<IReadOnlyList<PendingPurchase>>().ToArray();
            _storeCalls.Add(purchases);
            return purchases.Intersect(refused).Any()
                ? PersistBatchResult.Refused(Refusal)
                : PersistBatchResult.Stored([.. purchases.Select(_ => PersistOutcome.Persisted)]);
        });

    // A failure that is not a passing outage, for every statement that holds the poisoned purchase.
    private void GivenStoreFailsWith(PendingPurchase poisoned) =>
        _store.PersistAsync(Arg.Any<IReadOnlyList<PendingPurchase>>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            var purchases = call.Arg<IReadOnlyList<PendingPurchase>>().ToArray();
            _storeCalls.Add(purchases);
            return purchases.Contains(poisoned)
                ? throw new InvalidOperationException("boom")
                : PersistBatchResult.Stored([.. purchases.Select(_ => PersistOutcome.Persisted)]);
        });

    private ValueTask<PersistPurchasesReport> Handle() => _handler.Handle(new PersistPurchasesCommand(Shard, Max), _ct);
}
