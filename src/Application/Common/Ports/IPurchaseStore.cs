namespace Reservations.Application.Common.Ports;

/// <summary>Completed purchases (orders) in PostgreSQL.</summary>
public interface IPurchaseStore
{
    /// <summary>
    /// Inserts the order keyed by its reservation id and adds its quantity to the product's sold count only when the
    /// row is new, in one transaction: safe to repeat. Failures that may pass throw; a refusal for good (a constraint,
    /// data PostgreSQL cannot store) comes back with its reason.
    /// </summary>
    Task<(PersistOutcome Outcome, string? Reason)> PersistAsync(PendingPurchase purchase, CancellationToken cancellationToken);
}
