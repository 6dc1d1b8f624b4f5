using Reservations.Domain.Products;

namespace Reservations.Application.Products.Adjustments;

public sealed record StockAdjustmentResponse(
    Guid Id, int Delta, string Actor, string? Reason, DateTimeOffset At, StockAdjustmentStatus Status);
