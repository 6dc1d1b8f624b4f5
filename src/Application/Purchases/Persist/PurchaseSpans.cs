using System.Diagnostics;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Tracing;

namespace Reservations.Application.Purchases.Persist;

/// <summary>A "persist order" span for each purchase whose entry carries its purchase request's trace context, as a
/// child of that request's span: reserve, purchase and persist read as one trace. The batch's span links to those
/// contexts, and each purchase's span back to the batch's, under which the store commands stay.</summary>
internal sealed class PurchaseSpans : IDisposable
{
    private readonly Dictionary<string, Activity> _spans = [];

    /// <summary>The purchase requests' contexts, for the batch's span; none while nothing listens (tracing off).</summary>
    public static ActivityLink[] LinksOf(IReadOnlyList<PendingPurchase> batch) =>
        ReservationsTracing.Source.HasListeners() ? [.. Traced(batch).Select(t => new ActivityLink(t.Context))] : [];

    public static PurchaseSpans Start(Activity? batchSpan, IReadOnlyList<PendingPurchase> batch)
    {
        var spans = new PurchaseSpans();
        if (batchSpan is null)
        {
            return spans;
        }

        foreach (var (purchase, context) in Traced(batch))
        {
            var span = ReservationsTracing.Source.StartActivity(
                "persist order", ActivityKind.Consumer, context, links: [new ActivityLink(batchSpan.Context)]);
            if (span is not null)
            {
                spans._spans[purchase.EntryId] = span.SetTag("reservation.id", purchase.HoldId);
                // Starting a span makes it the current one: the store commands belong to the batch.
                Activity.Current = batchSpan;
            }
        }

        return spans;
    }

    public void Settled(PendingPurchase purchase, string outcome) =>
        _spans.GetValueOrDefault(purchase.EntryId)?.SetTag("outcome", outcome);

    public void Dispose()
    {
        foreach (var span in _spans.Values)
        {
            if (span.GetTagItem("outcome") is null)
            {
                span.SetTag("outcome", "deferred");
            }

            span.Dispose();
        }
    }

    // Entries written before the gate carried trace contexts, or while the API did not trace, have none.
    private static IEnumerable<(PendingPurchase Purchase, ActivityContext Context)> Traced(IReadOnlyList<PendingPurchase> batch)
    {
        foreach (var purchase in batch)
        {
            if (ActivityContext.TryParse(purchase.TraceParent, null, isRemote: true, out var context))
            {
                yield return (purchase, context);
            }
        }
    }
}
