using Reservations.Domain.Products;

namespace Reservations.Application.Products;

/// <summary>Every change is one indivisible step, whatever runs concurrently.</summary>
public interface IStockGate
{
    /// <summary>Existing stock is never overwritten; price, limit and hold duration are refreshed. True when the state
    /// was created.</summary>
    Task<bool> InitializeAsync(InventoryItem item, CancellationToken cancellationToken);

    /// <summary>Writes the product's terms over the gate's, unless the gate's are of a later
    /// <see cref="InventoryItem.TermsVersion"/> (this writer read the product before an edit): then they stay and the
    /// answer is false. Stock, holds, <see cref="InventoryItem.Available"/> and its tallies are left alone.</summary>
    Task<bool> WriteTermsAsync(InventoryItem item, CancellationToken cancellationToken);

    /// <summary>Units available to reserve, for each product that has gate state (products without state are left out).</summary>
    Task<IReadOnlyDictionary<Guid, int>> GetAvailableAsync(IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken);

    /// <summary>The product's available, held and purchasing units read in one step, or null without gate state.</summary>
    Task<GateStock?> GetStockAsync(Guid productId, CancellationToken cancellationToken);

    /// <summary>Adds the adjustment's delta to the units available, at most once per adjustment id: a repeat answers
    /// the first outcome and changes nothing. A removal of more than is available is refused, for good.</summary>
    Task<AdjustmentApplication> ApplyAdjustmentAsync(StockAdjustment adjustment, CancellationToken cancellationToken);
}
