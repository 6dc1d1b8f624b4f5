using Reservations.Domain.Products;

namespace Reservations.Application.Products.Adjustments;

/// <summary>One stock adjustment as the audit shows it.</summary>
public sealed record StockAdjustmentResponse(
    Guid Id, int Delta, string Actor, string? Reason, DateTimeOffset At, StockAdjustmentStatus Status);
