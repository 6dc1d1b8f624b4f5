namespace Reservations.Domain.Products;

/// <summary>One change of a product's total stock, kept for the audit and as the record of a two-step change:
/// PostgreSQL's total first, Redis's available second.</summary>
public sealed class StockAdjustment
{
    public const int ReasonMaxLength = 200;
    public const int IdempotencyKeyMaxLength = 255;

    private StockAdjustment()
    {
        Actor = string.Empty;
    }

    public StockAdjustment(
        Guid productId, int delta, string actor, string? reason, DateTimeOffset at,
        string? idempotencyKey = null, int? expectedTotalStock = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(delta);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentOutOfRangeException.ThrowIfNotEqual(IsValidReason(reason), true, nameof(reason));
        ArgumentOutOfRangeException.ThrowIfNotEqual(
            idempotencyKey is null || IsValidIdempotencyKey(idempotencyKey), true, nameof(idempotencyKey));
        (Id, ProductId, Delta, Actor, Reason, At) = (Guid.CreateVersion7(at), productId, delta, actor, reason, at);
        (IdempotencyKey, ExpectedTotalStock, Status) = (idempotencyKey, expectedTotalStock, StockAdjustmentStatus.Pending);
    }

    public Guid Id { get; private set; }
    public Guid ProductId { get; private set; }
    public int Delta { get; private set; }
    public string Actor { get; private set; }
    public string? Reason { get; private set; }
    public DateTimeOffset At { get; private set; }
    public StockAdjustmentStatus Status { get; private set; }

    /// <summary>The client's key for retrying this adjustment: one adjustment per product and key.</summary>
    public string? IdempotencyKey { get; private set; }

    public int? ExpectedTotalStock { get; private set; }

    public static bool IsValidReason(string? reason) =>
        reason is null || (reason.Length <= ReasonMaxLength && !reason.Any(char.IsControl));

    public static bool IsValidIdempotencyKey(string key) =>
        key.Length is > 0 and <= IdempotencyKeyMaxLength && key.All(c => c is >= ' ' and <= '~');

    public bool IsSameRequestAs(StockAdjustment other) =>
        ProductId == other.ProductId && Delta == other.Delta && Actor == other.Actor && Reason == other.Reason
        && IdempotencyKey == other.IdempotencyKey && ExpectedTotalStock == other.ExpectedTotalStock;
}
