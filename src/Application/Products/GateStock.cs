namespace Reservations.Application.Products;

/// <summary>A product's units in the gate: available to reserve, held, and purchased but not yet persisted
/// (purchasing), of which <see cref="DeadLettered"/> were refused by PostgreSQL and wait for an admin.</summary>
public sealed record GateStock(int Available, int Held, int Purchasing, int DeadLettered);
