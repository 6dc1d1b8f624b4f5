using Reservations.Application.Common.Results;

namespace Reservations.Application.Products;

public static class ProductErrors
{
    public static readonly Error NotFound = new("product-not-found", ErrorKind.NotFound);

    public static readonly Error DuplicateSku = new("duplicate-sku", ErrorKind.Conflict);

    public static readonly Error StockLimitExceeded = new("stock-limit-exceeded", ErrorKind.Conflict);

    public static readonly Error AdjustmentNotFound = new("adjustment-not-found", ErrorKind.NotFound);

    public static readonly Error IdempotencyKeyReused = new("idempotency-key-reused", ErrorKind.Unprocessable);

    /// <summary>PostgreSQL has the edit; the gate did not take its terms in time and gets them from the Worker shortly.</summary>
    public static readonly Error ChangePending = new("change-pending", ErrorKind.Unavailable);

    public static Error InvalidTerms(IReadOnlyDictionary<string, string[]> errors) =>
        new("validation", ErrorKind.Invalid, new Dictionary<string, object?> { ["errors"] = errors });

    public static Error TotalStockMismatch(int totalStock) =>
        new("total-stock-mismatch", ErrorKind.Conflict, new Dictionary<string, object?> { ["totalStock"] = totalStock });

    public const string InsufficientAvailableCode = "insufficient-available";

    public static Error InsufficientAvailable(int available) =>
        new(InsufficientAvailableCode, ErrorKind.Conflict, new Dictionary<string, object?> { ["available"] = available });
}
