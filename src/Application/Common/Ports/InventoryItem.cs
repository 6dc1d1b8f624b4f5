namespace Reservations.Application.Common.Ports;

/// <summary>What the gate needs to know of a product to take holds on it.</summary>
public sealed record InventoryItem(Guid ProductId, int Available, decimal Price, int? MaxPerCustomer, int HoldSeconds);
