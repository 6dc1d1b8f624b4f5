namespace Reservations.Domain.Products;

/// <summary>One change of a product's total stock, kept for the audit: who, when, how much and why.</summary>
public sealed class StockAdjustment
{
    public const int ReasonMaxLength = 200;

    /// <summary>The actor of an undo: the service itself, putting back a change that failed halfway.</summary>
    public const string SystemActor = "system";

    private StockAdjustment()
    {
        Actor = string.Empty;
    }

    public StockAdjustment(Guid productId, int delta, string actor, string? reason, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfZero(delta);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentOutOfRangeException.ThrowIfNotEqual(IsValidReason(reason), true, nameof(reason));
        (Id, ProductId, Delta, Actor, Reason, At) = (Guid.CreateVersion7(at), productId, delta, actor, reason, at);
    }

    public Guid Id { get; private set; }
    public Guid ProductId { get; private set; }
    public int Delta { get; private set; }
    public string Actor { get; private set; }
    public string? Reason { get; private set; }
    public DateTimeOffset At { get; private set; }

    public static bool IsValidReason(string? reason) =>
        reason is null || (reason.Length <= ReasonMaxLength && !reason.Any(char.IsControl));

    /// <summary>The change that puts this one back, recorded when its other half failed.</summary>
    public StockAdjustment Undo(DateTimeOffset at) =>
        new(ProductId, -Delta, SystemActor, $"undo of adjustment {Id}", at);
}
