using Reservations.Application.Common.Ports;
namespace Reservations.Application.Purchases.Persist;

public interface IPurchaseStore
{
    /// <summary>Inserts the batch's purchases not there yet (keyed by hold id) and raises each product's sold count by what
    /// was inserted, in one statement: safe to repeat. Failures that may pass throw; a refusal for good (a constraint, data
    /// PostgreSQL cannot store) comes back with its reason, and nothing of the batch is written.</summary>
    Task<PersistBatchResult> PersistAsync(IReadOnlyList<PendingPurchase> purchases, CancellationToken cancellationToken);
}
