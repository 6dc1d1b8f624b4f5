namespace Reservations.Application.Products;

/// <summary>Purchasing: bought but not yet persisted, of which <see cref="DeadLettered"/> were refused by PostgreSQL
/// and wait for an admin.</summary>
public sealed record GateStock(int Available, int Held, int Purchasing, int DeadLettered);
