using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Purchases.Get;

public sealed record GetPurchaseQuery(Guid PurchaseId, string CustomerId, bool IsAdmin) : IQuery<Result<OrderResponse>>;
