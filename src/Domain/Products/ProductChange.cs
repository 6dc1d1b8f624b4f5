namespace Reservations.Domain.Products;

/// <summary>An edit of a product's terms, for the audit; <see cref="Changes"/> is <c>{"field":{"before":…,"after":…}}</c>.</summary>
public sealed class ProductChange
{
    public const int ReasonMaxLength = StockAdjustment.ReasonMaxLength;

    private ProductChange()
    {
        Actor = string.Empty;
        Changes = string.Empty;
    }

    public ProductChange(Guid productId, string actor, string? reason, DateTimeOffset at, string changes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(changes);
        ArgumentOutOfRangeException.ThrowIfNotEqual(StockAdjustment.IsValidReason(reason), true, nameof(reason));
        (Id, ProductId, Actor, Reason, At, Changes) = (Guid.CreateVersion7(at), productId, actor, reason, at, changes);
    }

    public Guid Id { get; private set; }
    public Guid ProductId { get; private set; }
    public string Actor { get; private set; }
    public string? Reason { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Changes { get; private set; }
}
