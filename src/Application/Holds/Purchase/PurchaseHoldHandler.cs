using Mediator;
using Microsoft.Extensions.Options;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Application.Payments;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;

namespace Reservations.Application.Holds.Purchase;

/// <summary>While payments are configured, only a payment service buys (role <c>payments</c>: the Stripe webhook
/// through the gate, or a payment service of the shop's own): an owner pays at checkout instead.</summary>
public sealed class PurchaseHoldHandler(IHoldGate gate, IPurchasedHolds purchases, IOptions<PaymentsOptions> payments)
    : ICommandHandler<PurchaseHoldCommand, Result<ReservationResponse>>
{
    public async ValueTask<Result<ReservationResponse>> Handle(PurchaseHoldCommand command, CancellationToken cancellationToken)
    {
        if (payments.Value.Enabled && !command.ForAnyOwner)
        {
            return PaymentErrors.PaymentRequired;
        }

        if (await BuyerAsync(command, cancellationToken) is not { } customer)
        {
            return HoldErrors.NotFound;
        }

        var hold = await gate.PurchaseAsync(command.HoldId, customer, cancellationToken);
        if (hold.IsSuccess)
        {
            return hold.Value.ToResponse();
        }

        // A repeat after Redis forgot the hold (a day after it was persisted) answers from PostgreSQL what the first purchase answered.
        return hold.Error == HoldErrors.NotFound
            && await purchases.FindHoldAsync(command.HoldId, cancellationToken) is { } purchased && purchased.IsOwnedBy(customer)
            ? (purchased with { Status = HoldStatus.Purchased }).ToResponse()
            : hold.Error!;
    }

    // The caller, or for a payment service the customer who holds it (none when neither store knows the hold).
    private async Task<CustomerId?> BuyerAsync(PurchaseHoldCommand command, CancellationToken cancellationToken) =>
        command.ForAnyOwner
            ? (await gate.FindAsync(command.HoldId, cancellationToken)
                ?? await purchases.FindHoldAsync(command.HoldId, cancellationToken))?.Customer
            : CustomerId.From(command.CustomerId);
}
