using Mediator;
using Microsoft.Extensions.Options;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Application.Payments;
using Reservations.Domain.Customers;
using Reservations.Domain.Reservations;

namespace Reservations.Application.Reservations.Purchase;

/// <summary>
/// Buys a held hold. While payments are configured, only a payment service buys (role <c>payments</c>: the Stripe webhook
/// through the gate, or a payment service of the shop's own): an owner pays at checkout instead.
/// </summary>
public sealed class PurchaseReservationHandler(IHoldGate gate, IPurchasedHolds orders, IOptions<PaymentsOptions> payments)
    : ICommandHandler<PurchaseReservationCommand, Result<ReservationResponse>>
{
    public async ValueTask<Result<ReservationResponse>> Handle(PurchaseReservationCommand command, CancellationToken cancellationToken)
    {
        if (payments.Value.Enabled && !command.ForAnyOwner)
        {
            return PaymentErrors.PaymentRequired;
        }

        if (await BuyerAsync(command, cancellationToken) is not { } customer)
        {
            return ReservationErrors.NotFound;
        }

        var hold = await gate.PurchaseAsync(command.ReservationId, customer, cancellationToken);
        if (hold.IsSuccess)
        {
            return hold.Value.ToResponse();
        }

        // A repeat after Redis forgot the hold (a day after it was persisted) answers from its order what the purchase answered.
        return hold.Error == ReservationErrors.NotFound
            && await orders.FindHoldAsync(command.ReservationId, cancellationToken) is { } order && order.IsOwnedBy(customer)
            ? (order with { Status = HoldStatus.Purchased }).ToResponse()
            : hold.Error!;
    }

    // The caller, or for a payment service the customer who holds it (none when neither store knows the hold).
    private async Task<CustomerId?> BuyerAsync(PurchaseReservationCommand command, CancellationToken cancellationToken) =>
        command.ForAnyOwner
            ? (await gate.FindAsync(command.ReservationId, cancellationToken)
                ?? await orders.FindHoldAsync(command.ReservationId, cancellationToken))?.Customer
            : CustomerId.From(command.CustomerId);
}
