using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Purchases.Get;

/// <summary>A purchase for its owner, or for an admin.</summary>
public sealed record GetPurchaseQuery(Guid PurchaseId, string CustomerId, bool IsAdmin) : IQuery<Result<OrderResponse>>;
