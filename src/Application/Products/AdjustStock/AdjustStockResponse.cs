using Reservations.Domain.Products;

namespace Reservations.Application.Products.AdjustStock;

/// <summary>
/// An adjustment and the product's totals after it: <see cref="Available"/> is null while the adjustment is pending
/// (PostgreSQL's total has it, Redis does not yet).
/// </summary>
public sealed record AdjustStockResponse(
    Guid AdjustmentId, Guid ProductId, int Delta, StockAdjustmentStatus Status, int TotalStock, int? Available);
