using Mediator;
using Reservations.Application.Common.Ports;
using Reservations.Application.Purchases;

namespace Reservations.Application.Admin.DeadLetters.List;

public sealed class ListDeadLettersHandler(IPurchaseOutbox outbox) : IQueryHandler<ListDeadLettersQuery, IReadOnlyList<DeadLetterResponse>>
{
    public async ValueTask<IReadOnlyList<DeadLetterResponse>> Handle(ListDeadLettersQuery query, CancellationToken cancellationToken)
    {
        var deadLetters = await outbox.ListDeadLettersAsync(cancellationToken);
        return [.. deadLetters.Select(d => ToResponse(d.Purchase, d.Reason))];
    }

    private static DeadLetterResponse ToResponse(PendingPurchase purchase, string reason)
    {
        var single = purchase.Lines.Count == 1 ? purchase.Lines[0] : null;
        return new DeadLetterResponse(
            purchase.HoldId, single?.ProductId, purchase.CustomerId, single?.Quantity, single?.UnitPrice,
            [.. purchase.Lines.Select(l => new OrderItemResponse(l.ProductId, l.Quantity, l.UnitPrice))], purchase.PurchasedAt, reason);
    }
}
