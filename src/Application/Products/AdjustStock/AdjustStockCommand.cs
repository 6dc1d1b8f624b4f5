using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Products.AdjustStock;

/// <summary>A negative delta removes available units. <paramref name="IdempotencyKey"/> makes a retry return the same
/// adjustment; <paramref name="ExpectedTotalStock"/> refuses the change unless the total is still that.</summary>
public sealed record AdjustStockCommand(
    Guid ProductId, int Delta, string Actor, string? Reason = null, string? IdempotencyKey = null, int? ExpectedTotalStock = null)
    : ICommand<Result<AdjustStockResponse>>;
