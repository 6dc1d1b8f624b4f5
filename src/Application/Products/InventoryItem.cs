using System.Collections.ObjectModel;
using Reservations.Domain.Products;

namespace Reservations.Application.Products;

/// <summary><see cref="PurchasedByCustomer"/>: the units each customer bought (purchases in PostgreSQL), which count
/// against <see cref="MaxPerCustomer"/> when the gate state is created again after Redis lost it; empty for a new
/// product. The sale window and pause are decided by the gate, with Redis's clock, so every instance agrees on the
/// instant a sale opens.</summary>
public sealed record InventoryItem(Guid ProductId, int Available, decimal Price, int? MaxPerCustomer, int HoldSeconds)
{
    public IReadOnlyDictionary<string, int> PurchasedByCustomer { get; init; } = ReadOnlyDictionary<string, int>.Empty;

    public int MaxHoldSeconds { get; init; } = HoldDuration.DefaultMaxSeconds(HoldSeconds);

    public DateTimeOffset? SalesOpenAt { get; init; }

    public DateTimeOffset? SalesCloseAt { get; init; }

    public bool Paused { get; init; }

    /// <summary>The product's <see cref="Product.TermsVersion"/>: the gate takes no terms older than those it has.</summary>
    public long TermsVersion { get; init; } = 1;

    public string? SaleId { get; init; }
}
