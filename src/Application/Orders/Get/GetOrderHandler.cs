using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Orders.Get;

public sealed class GetOrderHandler(IOrderReadStore orders) : IQueryHandler<GetOrderQuery, Result<OrderResponse>>
{
    public async ValueTask<Result<OrderResponse>> Handle(GetOrderQuery query, CancellationToken cancellationToken)
    {
        var order = await orders.FindAsync(query.OrderId, cancellationToken);
        // Someone else's order is "not found", as is one not yet persisted.
        return order is not null && (query.IsAdmin || order.CustomerId == query.CustomerId) ? order : OrderErrors.NotFound;
    }
}
