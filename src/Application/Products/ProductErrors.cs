using Reservations.Application.Common.Results;

namespace Reservations.Application.Products;

public static class ProductErrors
{
    public static readonly Error NotFound = new("product-not-found", 404);

    public static readonly Error DuplicateSku = new("duplicate-sku", 409);

    public static readonly Error StockLimitExceeded = new("stock-limit-exceeded", 409);

    public static readonly Error AdjustmentNotFound = new("adjustment-not-found", 404);

    public static readonly Error IdempotencyKeyReused = new("idempotency-key-reused", 422);

    /// <summary>PostgreSQL has the edit; the gate did not take its terms in time and gets them from the Worker shortly.</summary>
    public static readonly Error ChangePending = new("change-pending", 503);

    /// <summary>An edit whose fields do not fit together or with the product's other terms, field by field.</summary>
    public static Error InvalidTerms(IReadOnlyDictionary<string, string[]> errors) =>
        new("validation", 400, new Dictionary<string, object?> { ["errors"] = errors });

    public static Error TotalStockMismatch(int totalStock) =>
        new("total-stock-mismatch", 409, new Dictionary<string, object?> { ["totalStock"] = totalStock });

    public const string InsufficientAvailableCode = "insufficient-available";

    public static Error InsufficientAvailable(int available) =>
        new(InsufficientAvailableCode, 409, new Dictionary<string, object?> { ["available"] = available });
}
