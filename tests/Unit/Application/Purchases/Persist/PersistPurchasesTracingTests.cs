using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Tracing;
using Reservations.Application.Purchases.Persist;

namespace Reservations.UnitTests.Application.Purchases.Persist;

/// <summary>
/// A purchase whose entry carries its request's trace context is persisted in a "persist order" span under that context.
/// The listener is the process's: spans are told apart by the tests' own trace ids.
/// </summary>
public sealed class PersistPurchasesTracingTests : IDisposable
{
    private const int Shard = 1;
    private const string Refusal = "23514 ck_products_sold_within_stock";

    private readonly IPurchaseOutbox _outbox = Substitute.For<IPurchaseOutbox>();
    private readonly IPurchaseStore _store = Substitute.For<IPurchaseStore>();
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ActivityListener _listener;

    public PersistPurchasesTracingTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ReservationsTracing.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task Handle_PersistsEachTracedPurchaseInASpanUnderItsRequest_WithItsOutcome()
    {
        var (stored, refused, untraced) = (Traced("1-0"), Traced("1-1"), Purchase("1-2", traceParent: null));
        _outbox.ReadAsync(Shard, 10, Arg.Any<CancellationToken>()).Returns([stored, refused, untraced]);
        _outbox.DeadLetterAsync(refused, Refusal, Arg.Any<CancellationToken>()).Returns(true);
        _store.PersistAsync(Arg.Any<IReadOnlyList<PendingPurchase>>(), Arg.Any<CancellationToken>()).Returns(call =>
            call.Arg<IReadOnlyList<PendingPurchase>>().Contains(refused)
                ? PersistBatchResult.Refused(Refusal)
                : PersistBatchResult.Stored([.. call.Arg<IReadOnlyList<PendingPurchase>>().Select(_ => PersistOutcome.Persisted)]));
        var handler = new PersistPurchasesHandler(
            _outbox, _store, Substitute.For<IFailureClassifier>(), TimeProvider.System, NullLogger<PersistPurchasesHandler>.Instance);

        await handler.Handle(new PersistPurchasesCommand(Shard, 10), TestContext.Current.CancellationToken);

        var storedSpan = PurchaseSpanOf(stored);
        var refusedSpan = PurchaseSpanOf(refused);
        storedSpan.GetTagItem("outcome").Should().Be("persisted");
        refusedSpan.GetTagItem("outcome").Should().Be("dead-lettered");
        _spans.Should().NotContain(s => Equals(s.GetTagItem("reservation.id"), untraced.HoldId), "an entry without a trace context has no order span");
        var batch = _spans.Should().ContainSingle(s => s.DisplayName == "persist purchases" && s.Links.Any(l => l.Context.TraceId == storedSpan.TraceId)).Subject;
        batch.Links.Select(l => l.Context.SpanId).Should().BeEquivalentTo([storedSpan.ParentSpanId, refusedSpan.ParentSpanId]);
        storedSpan.Links.Should().ContainSingle().Which.Context.SpanId.Should().Be(batch.SpanId);
    }

    private Activity PurchaseSpanOf(PendingPurchase purchase)
    {
        var parent = ActivityContext.Parse(purchase.TraceParent!, null);
        var span = _spans.Should().ContainSingle(s => s.DisplayName == "persist order" && s.TraceId == parent.TraceId).Subject;
        span.ParentSpanId.Should().Be(parent.SpanId);
        span.Kind.Should().Be(ActivityKind.Consumer);
        span.GetTagItem("reservation.id").Should().Be(purchase.HoldId);
        return span;
    }

    private static PendingPurchase Traced(string entryId) =>
        Purchase(entryId, $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-01");

    private static PendingPurchase Purchase(string entryId, string? traceParent) => new(
        entryId, Guid.CreateVersion7(), "alice", [new PurchaseLine(Guid.CreateVersion7(), 1, 10m)], DateTimeOffset.UtcNow, TraceParent: traceParent);
}
