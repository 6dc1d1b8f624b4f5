using Reservations.Application.Common.Results;

namespace Reservations.Application.Holds;

public static class HoldErrors
{
    public static readonly Error NotFound = new("reservation-not-found", ErrorKind.NotFound);

    public static readonly Error IdempotencyKeyReused = new("idempotency-key-reused", ErrorKind.Unprocessable);

    public static readonly Error HoldExpired = new("hold-expired", ErrorKind.Gone);

    public static readonly Error HoldReleased = new("hold-released", ErrorKind.Gone);

    public static readonly Error AlreadyPurchased = new("already-purchased", ErrorKind.Conflict);

    public static readonly Error CustomerIdAdminOnly = new("forbidden", ErrorKind.Forbidden);

    public const string SaleNotOpenCode = "sale-not-open";

    // A refusal of a reserve names the product of the line it concerns (a cart has several).

    /// <summary>Before the sale opens (<paramref name="opensAt"/> then says when), after it closed, or while it is paused.</summary>
    public static Error SaleNotOpen(DateTimeOffset? opensAt, Guid productId) =>
        new(SaleNotOpenCode, ErrorKind.Conflict, opensAt is null
            ? new Dictionary<string, object?> { ["productId"] = productId }
            : new Dictionary<string, object?> { ["opensAt"] = opensAt, ["productId"] = productId });

    public static Error OutOfStock(int available, Guid productId) =>
        new("out-of-stock", ErrorKind.Conflict, new Dictionary<string, object?> { ["available"] = available, ["productId"] = productId });

    public static Error LimitExceeded(int limit, Guid productId) =>
        new("limit-exceeded", ErrorKind.Conflict, new Dictionary<string, object?> { ["limit"] = limit, ["productId"] = productId });

    public static Error ProductNotFound(Guid productId) =>
        new("product-not-found", ErrorKind.NotFound, new Dictionary<string, object?> { ["productId"] = productId });

    public static Error CartSpansSales(Guid productId) =>
        new("cart-spans-sales", ErrorKind.Conflict, new Dictionary<string, object?> { ["productId"] = productId });

    public static Error HoldTooLong(int holdSeconds) =>
        new("hold-too-long", ErrorKind.Invalid, new Dictionary<string, object?> { ["holdSeconds"] = holdSeconds });

    public static Error ExtensionLimit(DateTimeOffset maxExpiresAt) =>
        new("extension-limit", ErrorKind.Conflict, new Dictionary<string, object?> { ["maxExpiresAt"] = maxExpiresAt });
}
