using System.Collections.ObjectModel;

namespace Reservations.Application.Common.Ports;

/// <summary>
/// What the gate needs to know of a product to take holds on it. <see cref="PurchasedByCustomer"/>: the units each
/// customer bought (orders in PostgreSQL), which count against <see cref="MaxPerCustomer"/> when the gate state is
/// created again after Redis lost it; empty for a new product.
/// </summary>
public sealed record InventoryItem(Guid ProductId, int Available, decimal Price, int? MaxPerCustomer, int HoldSeconds)
{
    public IReadOnlyDictionary<string, int> PurchasedByCustomer { get; init; } = ReadOnlyDictionary<string, int>.Empty;
}
