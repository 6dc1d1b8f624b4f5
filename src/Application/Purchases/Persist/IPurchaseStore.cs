using Reservations.Application.Common.Ports;
namespace Reservations.Application.Purchases.Persist;

public interface IPurchaseStore
{
    /// <summary>Inserts the purchases of the batch that are not there yet, keyed by their hold ids, and raises each
    /// product's sold count by what was inserted, in one statement: safe to repeat. Failures that may pass throw; a
    /// refusal for good (a constraint, data PostgreSQL cannot store) comes back with its reason, and then nothing of
    /// the batch was written.</summary>
    Task<PersistBatchResult> PersistAsync(IReadOnlyList<PendingPurchase> purchases, CancellationToken cancellationToken);
}
