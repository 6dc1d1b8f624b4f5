using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Orders.Get;

/// <summary>An order for its owner, or for an admin.</summary>
public sealed record GetOrderQuery(Guid OrderId, string CustomerId, bool IsAdmin) : IQuery<Result<OrderResponse>>;
