namespace Reservations.Infrastructure.Redis.Scripts.Purchase;

/// <summary>What purchase.lua did with the hold.</summary>
internal enum PurchaseOutcome
{
    /// <summary>Purchased now, or before: a repeat answers the same.</summary>
    Purchased,

    /// <summary>It was past its deadline: expired, now or before.</summary>
    Expired,

    Released,

    /// <summary>No such hold of this customer.</summary>
    NotFound,
}
