using Reservations.Domain.Products;

namespace Reservations.Application.Common.Ports;

/// <summary>A stock adjustment as PostgreSQL has it, and its product as it is now.</summary>
public sealed record RecordedAdjustment(StockAdjustment Adjustment, Product Product);
