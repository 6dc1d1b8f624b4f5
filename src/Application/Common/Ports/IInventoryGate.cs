using Mediator;
using Reservations.Application.Common.Results;
using Reservations.Domain.Customers;
using Reservations.Domain.Products;
using Reservations.Domain.Reservations;

namespace Reservations.Application.Common.Ports;

/// <summary>
/// The atomic gatekeeper of stock (Redis): available units, holds and purchases not yet persisted.
/// Every state change is one indivisible step, whatever runs concurrently.
/// </summary>
public interface IInventoryGate
{
    /// <summary>
    /// Creates the product's gate state unless it already exists (existing stock is never overwritten; price, limit and
    /// hold duration are refreshed). True when the state was created.
    /// </summary>
    Task<bool> InitializeAsync(InventoryItem item, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the product's terms (price, limit, hold lengths, sale window, pause) over those the gate has, unless the
    /// gate's are of a later <see cref="InventoryItem.TermsVersion"/> (this writer read the product before an edit);
    /// its stock and holds are left alone, and so are <see cref="InventoryItem.Available"/> and its tallies.
    /// </summary>
    /// <returns>False when the gate's terms were of a later version and stayed.</returns>
    Task<bool> WriteTermsAsync(InventoryItem item, CancellationToken cancellationToken);

    /// <summary>Units available to reserve, for each product that has gate state (products without state are left out).</summary>
    Task<IReadOnlyDictionary<Guid, int>> GetAvailableAsync(IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken);

    /// <summary>The product's available, held and purchasing units read in one step, or null without gate state.</summary>
    Task<GateStock?> GetStockAsync(Guid productId, CancellationToken cancellationToken);

    /// <summary>
    /// Takes a hold: <c>product-not-found</c>, <c>sale-not-open</c> (by Redis's clock), <c>limit-exceeded</c>, <c>out-of-stock</c> or, for a key reused with
    /// another body, <c>idempotency-key-reused</c>. A replayed key returns the hold as it was first answered.
    /// </summary>
    Task<Result<Hold>> ReserveAsync(ReserveRequest request, CancellationToken cancellationToken);

    /// <summary>Buys the customer's hold before its deadline; repeating it returns the same purchased hold.</summary>
    Task<Result<Hold>> PurchaseAsync(Guid holdId, CustomerId customer, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the customer's held hold's deadline later, never past its creation plus its product's max hold seconds
    /// (<c>extension-limit</c>, nothing changed). A hold already due is expired instead (<c>hold-expired</c>); an ended one
    /// answers <c>hold-released</c>, <c>hold-expired</c> or <c>already-purchased</c>; someone else's is not found.
    /// </summary>
    Task<Result<Hold>> ExtendAsync(ExtendRequest request, CancellationToken cancellationToken);

    /// <summary>Gives the customer's hold back; releasing a released or expired hold succeeds and changes nothing.</summary>
    Task<Result<Unit>> ReleaseAsync(Guid holdId, CustomerId customer, CancellationToken cancellationToken);

    /// <summary>How many shards the gate's state is split into: <see cref="ExpireDueAsync"/> takes 0 to Shards − 1.</summary>
    int Shards { get; }

    /// <summary>
    /// Expires every overdue hold of one shard, in bounded batches: for each hold this call gave the stock back, how long
    /// after its deadline that was. A due hold that cannot be given back (its value unreadable, its product without the
    /// stock to take it) is moved to the shard's quarantine stream instead, and the rest expire. Idempotent, so several
    /// Workers may run it at once.
    /// </summary>
    Task<ShardExpiry> ExpireDueAsync(int shard, CancellationToken cancellationToken);

    /// <summary>The hold with the status it has now by the gate's clock, or null.</summary>
    Task<Hold?> FindAsync(Guid holdId, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the adjustment's delta to the units available, at most once per adjustment id: a repeat answers the first
    /// outcome and changes nothing. A removal of more than is available is refused, for good.
    /// </summary>
    Task<AdjustmentApplication> ApplyAdjustmentAsync(StockAdjustment adjustment, CancellationToken cancellationToken);
}
