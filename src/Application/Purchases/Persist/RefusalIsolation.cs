using Reservations.Application.Common.Ports;

namespace Reservations.Application.Purchases.Persist;

internal static class RefusalIsolation
{
    /// <summary>Persists the batch in one statement; when PostgreSQL refuses it for good, each half on its own, down to
    /// single purchases, so only those refused on their own are set aside. The halves run in order: a refusal that
    /// depends on what went before (sold reaching the stock) falls on the later purchases, as one by one.</summary>
    public static async Task<SettledBatch> PersistIsolatingRefusalsAsync(
        this IPurchaseStore store, IReadOnlyList<PendingPurchase> purchases, CancellationToken cancellationToken)
    {
        var settled = new SettledBatch();
        await PersistAsync(store, purchases, settled, cancellationToken);
        return settled;
    }

    private static async Task PersistAsync(
        IPurchaseStore store, IReadOnlyList<PendingPurchase> purchases, SettledBatch settled, CancellationToken cancellationToken)
    {
        var result = await store.PersistAsync(purchases, cancellationToken);
        if (result.Refusal is null)
        {
            settled.Stored.AddRange(purchases.Zip(result.Outcomes));
        }
        else if (purchases.Count == 1)
        {
            settled.Refused.Add((purchases[0], result.Refusal));
        }
        else
        {
            var half = purchases.Count / 2;
            await PersistAsync(store, purchases.Take(half).ToArray(), settled, cancellationToken);
            await PersistAsync(store, purchases.Skip(half).ToArray(), settled, cancellationToken);
        }
    }
}
