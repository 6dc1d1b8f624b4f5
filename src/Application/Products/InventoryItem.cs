using System.Collections.ObjectModel;
using Reservations.Domain.Products;

namespace Reservations.Application.Products;

/// <summary><see cref="PurchasedByCustomer"/> counts against <see cref="MaxPerCustomer"/> when the gate state is made
/// again after Redis lost it. The gate decides the sale window and pause by Redis's clock, so every instance agrees on
/// when a sale opens.</summary>
public sealed record InventoryItem(Guid ProductId, int Available, decimal Price, int? MaxPerCustomer, int HoldSeconds)
{
    public IReadOnlyDictionary<string, int> PurchasedByCustomer { get; init; } = ReadOnlyDictionary<string, int>.Empty;

    public int MaxHoldSeconds { get; init; } = HoldDuration.DefaultMaxSeconds(HoldSeconds);

    public DateTimeOffset? SalesOpenAt { get; init; }

    public DateTimeOffset? SalesCloseAt { get; init; }

    public bool Paused { get; init; }

    public long TermsVersion { get; init; } = 1;

    public string? SaleId { get; init; }
}
