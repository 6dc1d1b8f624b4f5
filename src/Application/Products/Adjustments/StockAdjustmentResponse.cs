namespace Reservations.Application.Products.Adjustments;

/// <summary>One change of the stock: by whom (the admin's <c>sub</c>, or <c>system</c> for an undo), when, and why.</summary>
public sealed record StockAdjustmentResponse(Guid Id, int Delta, string Actor, string? Reason, DateTimeOffset At);
