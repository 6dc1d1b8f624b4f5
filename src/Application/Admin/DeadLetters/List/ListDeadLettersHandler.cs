using Mediator;
using Reservations.Application.Common.Ports;

namespace Reservations.Application.Admin.DeadLetters.List;

public sealed class ListDeadLettersHandler(IPurchaseOutbox outbox) : IQueryHandler<ListDeadLettersQuery, IReadOnlyList<DeadLetterResponse>>
{
    public async ValueTask<IReadOnlyList<DeadLetterResponse>> Handle(ListDeadLettersQuery query, CancellationToken cancellationToken)
    {
        var deadLetters = await outbox.ListDeadLettersAsync(cancellationToken);
        return [.. deadLetters.Select(d => new DeadLetterResponse(
            d.Purchase.ReservationId, d.Purchase.ProductId, d.Purchase.CustomerId, d.Purchase.Quantity,
            d.Purchase.UnitPrice, d.Purchase.PurchasedAt, d.Reason))];
    }
}
