using Reservations.Domain.Products;

namespace Reservations.Application.Common.Ports;

public sealed record RecordedAdjustment(StockAdjustment Adjustment, Product Product);
