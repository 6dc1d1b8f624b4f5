using Reservations.Domain.Products;

namespace Reservations.Application.Products.AdjustStock;

/// <summary><see cref="Available"/> is null while the adjustment is pending (PostgreSQL has it, Redis not yet).</summary>
public sealed record AdjustStockResponse(
    Guid AdjustmentId, Guid ProductId, int Delta, StockAdjustmentStatus Status, int TotalStock, int? Available);
