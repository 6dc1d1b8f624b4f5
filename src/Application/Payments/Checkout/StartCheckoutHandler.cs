using Mediator;
using Microsoft.Extensions.Options;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Application.Reservations;
using Reservations.Domain.Customers;
using Reservations.Domain.Reservations;

namespace Reservations.Application.Payments.Checkout;

/// <summary>
/// Creates the provider's checkout session for a held hold, at most once per hold (a repeat answers the stored one), and
/// makes the hold last as long as the session: the provider's sessions last at least 30 minutes, so a shorter hold is
/// extended first, within its cap (409 extension-limit beyond it).
/// </summary>
public sealed class StartCheckoutHandler(
    IInventoryGate gate, ICatalog catalog, IPaymentStore store, IPaymentProvider provider, IOptions<PaymentsOptions> options,
    TimeProvider time)
    : ICommandHandler<StartCheckoutCommand, Result<CheckoutResponse>>
{
    /// <summary>The shortest session the provider accepts (Stripe: 30 minutes).</summary>
    public static readonly TimeSpan MinimumSession = TimeSpan.FromMinutes(30);

    // Extended a minute past the minimum, so that a repeat soon after (a lost answer) needs no second extension and sends
    // the provider the same expiry under the same idempotency key.
    private static readonly TimeSpan ExtensionMargin = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RequestMargin = TimeSpan.FromSeconds(5);

    public async ValueTask<Result<CheckoutResponse>> Handle(StartCheckoutCommand command, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return PaymentErrors.PaymentsDisabled;
        }

        var customer = CustomerId.From(command.CustomerId);
        if (await store.FindCheckoutAsync(command.ReservationId, cancellationToken) is { } started && started.CustomerId == customer.Value)
        {
            return Response(started);
        }

        var hold = await gate.FindAsync(command.ReservationId, cancellationToken);
        if (hold is null || !hold.IsOwnedBy(customer))
        {
            return ReservationErrors.NotFound;
        }

        var held = await LastingAsync(hold, cancellationToken);
        if (!held.IsSuccess)
        {
            return held.Error!;
        }

        var request = new CheckoutRequest(
            hold.Id, customer.Value, await LinesAsync(held.Value, cancellationToken), options.Value.Currency,
            WholeSeconds(held.Value.ExpiresAt), command.SuccessUrl!, command.CancelUrl!, $"checkout-{hold.Id}");
        CheckoutSession session;
        try
        {
            session = await provider.CreateCheckoutAsync(request, cancellationToken);
        }
        catch (PaymentProviderException e)
        {
            return e.Failure == PaymentFailure.Unavailable ? PaymentErrors.ProviderUnavailable : PaymentErrors.ProviderRejected;
        }

        return Response(await store.AddCheckoutAsync(
            new StoredCheckout(hold.Id, customer.Value, session.Id, session.Url, session.ExpiresAt), cancellationToken));
    }

    // The hold, held, with a deadline at least the provider's minimum session away.
    private async Task<Result<Hold>> LastingAsync(Hold hold, CancellationToken cancellationToken)
    {
        switch (hold.Status)
        {
            case HoldStatus.Purchased or HoldStatus.Completed:
                return ReservationErrors.AlreadyPurchased;
            case HoldStatus.Released:
                return ReservationErrors.HoldReleased;
            case HoldStatus.Expired:
                return ReservationErrors.HoldExpired;
        }

        var now = time.GetUtcNow();
        if (hold.ExpiresAt >= now + MinimumSession + RequestMargin)
        {
            return hold;
        }

        var seconds = (int)Math.Ceiling((now + MinimumSession + ExtensionMargin - hold.ExpiresAt).TotalSeconds);
        return await gate.ExtendAsync(new ExtendRequest(hold.Id, hold.Customer, seconds, IdempotencyKey: null), cancellationToken);
    }

    private async Task<IReadOnlyList<CheckoutLine>> LinesAsync(Hold hold, CancellationToken cancellationToken)
    {
        var lines = new List<CheckoutLine>(hold.Lines.Count);
        foreach (var line in hold.Lines)
        {
            var name = (await catalog.FindAsync(line.ProductId, cancellationToken))?.Name ?? line.ProductId.ToString();
            lines.Add(new CheckoutLine(name, MinorUnits(line.UnitPrice), line.Quantity.Value));
        }

        return lines;
    }

    /// <summary>An amount in cents: prices have two decimals.</summary>
    public static long MinorUnits(decimal amount) => (long)decimal.Round(amount * 100m, MidpointRounding.AwayFromZero);

    private static DateTimeOffset WholeSeconds(DateTimeOffset instant) =>
        DateTimeOffset.FromUnixTimeSeconds(instant.ToUnixTimeSeconds());

    private static CheckoutResponse Response(StoredCheckout checkout) => new(checkout.Url, checkout.SessionId, checkout.ExpiresAt);
}
