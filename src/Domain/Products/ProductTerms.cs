namespace Reservations.Domain.Products;

/// <summary>What an admin may change of a product: everything but its SKU and stock (stock has adjustments of its own).</summary>
public sealed record ProductTerms(
    string Name,
    Money Price,
    int? MaxPerCustomer,
    HoldDuration Hold,
    int MaxHoldSeconds,
    DateTimeOffset? SalesOpenAt,
    DateTimeOffset? SalesCloseAt,
    bool Paused)
{
    public IReadOnlyList<ProductFieldChange> ChangesTo(ProductTerms next)
    {
        ArgumentNullException.ThrowIfNull(next);
        (string Field, object? Before, object? After)[] fields =
        [
            ("name", Name, next.Name),
            ("price", Price.Amount, next.Price.Amount),
            ("maxPerCustomer", MaxPerCustomer, next.MaxPerCustomer),
            ("holdSeconds", Hold.Seconds, next.Hold.Seconds),
            ("maxHoldSeconds", MaxHoldSeconds, next.MaxHoldSeconds),
            ("salesOpenAt", SalesOpenAt, next.SalesOpenAt),
            ("salesCloseAt", SalesCloseAt, next.SalesCloseAt),
            ("paused", Paused, next.Paused),
        ];
        return [.. fields.Where(f => !Equals(f.Before, f.After)).Select(f => new ProductFieldChange(f.Field, f.Before, f.After))];
    }
}
