namespace Reservations.Application.Common.Ports;

/// <summary>The atomic gatekeeper of stock (Redis): available units, holds and purchases not yet persisted.</summary>
public interface IInventoryGate
{
    /// <summary>
    /// Creates the product's gate state unless it already exists (existing stock is never overwritten; price, limit and
    /// hold duration are refreshed). True when the state was created.
    /// </summary>
    Task<bool> InitializeAsync(InventoryItem item, CancellationToken cancellationToken);

    /// <summary>Units available to reserve, for each product that has gate state (products without state are left out).</summary>
    Task<IReadOnlyDictionary<Guid, int>> GetAvailableAsync(IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken);
}
