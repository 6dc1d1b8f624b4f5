using Mediator;
using Reservations.Application.Common.Results;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;

namespace Reservations.Application.Common.Ports;

/// <summary>Each change of a hold is one indivisible step whatever runs concurrently. Holds and Payments both move
/// holds, so the port is theirs in common.</summary>
public interface IHoldGate
{
    /// <summary>Takes a hold: <c>product-not-found</c>, <c>sale-not-open</c> (by Redis's clock), <c>limit-exceeded</c>,
    /// <c>out-of-stock</c> or, for a key reused with another body, <c>idempotency-key-reused</c>. A replayed key
    /// returns the hold as it was first answered.</summary>
    Task<Result<Hold>> ReserveAsync(ReserveRequest request, CancellationToken cancellationToken);

    /// <summary>Buys the customer's hold before its deadline; repeating it returns the same purchased hold.</summary>
    Task<Result<Hold>> PurchaseAsync(Guid holdId, CustomerId customer, CancellationToken cancellationToken);

    /// <summary>Never past the hold's creation plus its product's max hold seconds (<c>extension-limit</c>, nothing
    /// changed). A hold already due is expired instead (<c>hold-expired</c>); an ended one answers
    /// <c>hold-released</c>, <c>hold-expired</c> or <c>already-purchased</c>; someone else's is not found.</summary>
    Task<Result<Hold>> ExtendAsync(ExtendRequest request, CancellationToken cancellationToken);

    /// <summary>Gives the customer's hold back; releasing a released or expired hold succeeds and changes nothing.</summary>
    Task<Result<Unit>> ReleaseAsync(Guid holdId, CustomerId customer, CancellationToken cancellationToken);

    /// <summary>The hold with the status it has now by the gate's clock, or null.</summary>
    Task<Hold?> FindAsync(Guid holdId, CancellationToken cancellationToken);
}
