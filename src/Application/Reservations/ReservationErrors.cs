using Reservations.Application.Common.Results;

namespace Reservations.Application.Reservations;

public static class ReservationErrors
{
    public static readonly Error NotFound = new("reservation-not-found", 404);

    public static readonly Error IdempotencyKeyReused = new("idempotency-key-reused", 422);

    public static readonly Error HoldExpired = new("hold-expired", 410);

    public static readonly Error HoldReleased = new("hold-released", 410);

    public static readonly Error AlreadyPurchased = new("already-purchased", 409);

    public const string SaleNotOpenCode = "sale-not-open";

    /// <summary>Before the sale opens (<paramref name="opensAt"/> then says when), after it closed, or while it is paused.</summary>
    public static Error SaleNotOpen(DateTimeOffset? opensAt) =>
        new(SaleNotOpenCode, 409, opensAt is null ? null : new Dictionary<string, object?> { ["opensAt"] = opensAt });

    public static Error OutOfStock(int available) =>
        new("out-of-stock", 409, new Dictionary<string, object?> { ["available"] = available });

    public static Error LimitExceeded(int limit) =>
        new("limit-exceeded", 409, new Dictionary<string, object?> { ["limit"] = limit });
}
