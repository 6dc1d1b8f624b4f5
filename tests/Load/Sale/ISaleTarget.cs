namespace Reservations.Load.Sale;

/// <summary>What a sale runs against: the API over HTTP, or the inventory gate alone.</summary>
public interface ISaleTarget
{
    /// <summary>
    /// Creates the products on sale (in one sale, held together in carts, when reserves are carts) and an identity for
    /// each customer; returns the products' ids.
    /// </summary>
    Task<IReadOnlyList<Guid>> PrepareAsync(CancellationToken cancellationToken);

    /// <summary>The status answered (see <see cref="SaleStatus"/>) and the hold taken, if any: one line, or a cart.</summary>
    Task<(int Status, SaleHold? Hold)> ReserveAsync(int customer, IReadOnlyList<SaleLine> lines);

    Task<int> PurchaseAsync(SaleHold hold);

    Task<int> ReleaseAsync(SaleHold hold);

    /// <summary>Waits until nothing is held or in flight any more, then observes the result and checks the invariants.</summary>
    Task<SaleFindings> FinishAsync(IReadOnlyCollection<SaleHold> purchased, int failedRequests, CancellationToken cancellationToken);
}
