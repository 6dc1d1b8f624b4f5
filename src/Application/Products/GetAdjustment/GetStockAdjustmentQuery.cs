using Mediator;
using Reservations.Application.Common.Results;
using Reservations.Application.Products.Adjustments;

namespace Reservations.Application.Products.GetAdjustment;

public sealed record GetStockAdjustmentQuery(Guid ProductId, Guid AdjustmentId) : IQuery<Result<StockAdjustmentResponse>>;
