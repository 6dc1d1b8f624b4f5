using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Mediator;
using Microsoft.Extensions.Options;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Application.Holds;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;

namespace Reservations.Application.Payments.Checkout;

/// <summary>At most one session per hold (a repeat answers the stored one). It ends two minutes before the hold, and
/// the provider's sessions last at least 30 minutes, so a hold due sooner is extended first, within its cap (409
/// extension-limit beyond it).</summary>
public sealed class StartCheckoutHandler(
    IHoldGate gate, ICatalog catalog, IPaymentStore store, IPaymentProvider provider, IOptions<PaymentsOptions> options,
    TimeProvider time)
    : ICommandHandler<StartCheckoutCommand, Result<CheckoutResponse>>
{
    public static readonly TimeSpan MinimumSession = TimeSpan.FromMinutes(30);

    /// <summary>So that a payment made in the session's last second reaches the webhook while the hold still holds the
    /// stock.</summary>
    public static readonly TimeSpan SessionEndsBeforeHold = TimeSpan.FromMinutes(2);

    // Time for the request to reach the provider, its retries included (Stripe.net: three tries of 10 s at most).
    private static readonly TimeSpan RequestMargin = TimeSpan.FromSeconds(90);

    // A hold extended for checkout lasts this much longer than it must, so that a repeat soon after (a lost answer)
    // needs no second extension and asks the provider for the same session.
    private static readonly TimeSpan ExtensionMargin = TimeSpan.FromMinutes(1);

    public async ValueTask<Result<CheckoutResponse>> Handle(StartCheckoutCommand command, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return PaymentErrors.PaymentsDisabled;
        }

        var customer = CustomerId.From(command.CustomerId);
        var hold = await gate.FindAsync(command.HoldId, cancellationToken);
        if (hold is null || !hold.IsOwnedBy(customer))
        {
            return HoldErrors.NotFound;
        }

        if (Unpayable(hold) is { } error)
        {
            return error;
        }

        if (await store.FindCheckoutAsync(hold.Id, cancellationToken) is { } started)
        {
            return Response(started);
        }

        var held = await LastingAsync(hold, cancellationToken);
        if (!held.IsSuccess)
        {
            return held.Error!;
        }

        var lines = await LinesAsync(held.Value, cancellationToken);
        var expiresAt = WholeSeconds(held.Value.ExpiresAt - SessionEndsBeforeHold);
        var request = new CheckoutRequest(
            hold.Id, customer.Value, lines, options.Value.Currency, expiresAt, command.SuccessUrl!, command.CancelUrl!,
            IdempotencyKey(hold.Id, lines, options.Value.Currency, expiresAt, command.SuccessUrl!, command.CancelUrl!));
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

    private static Error? Unpayable(Hold hold) => hold.Status switch
    {
        HoldStatus.Purchased or HoldStatus.Completed => HoldErrors.AlreadyPurchased,
        HoldStatus.Released => HoldErrors.HoldReleased,
        HoldStatus.Expired => HoldErrors.HoldExpired,
        _ => null,
    };

    // The hold, with a deadline far enough away for the provider's shortest session to end before it.
    private async Task<Result<Hold>> LastingAsync(Hold hold, CancellationToken cancellationToken)
    {
        var needed = time.GetUtcNow() + MinimumSession + SessionEndsBeforeHold + RequestMargin;
        if (hold.ExpiresAt >= needed)
        {
            return hold;
        }

        var seconds = (int)Math.Ceiling((needed + ExtensionMargin - hold.ExpiresAt).TotalSeconds);
        return await gate.ExtendAsync(new ExtendRequest(hold.Id, hold.Customer, seconds, IdempotencyKey: null), cancellationToken);
    }

    // The provider answers a key it has seen with the session it made for it, and refuses the key with other parameters:
    // the key names the parameters, so that a repeat asks for the same session and a changed request for another.
    private static string IdempotencyKey(
        Guid holdId, IReadOnlyList<CheckoutLine> lines, string currency, DateTimeOffset expiresAt, Uri successUrl, Uri cancelUrl)
    {
        var parameters = string.Join('\n', [
            currency, expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), successUrl.AbsoluteUri, cancelUrl.AbsoluteUri,
            .. lines.Select(line => string.Create(CultureInfo.InvariantCulture, $"{line.Name}|{line.UnitAmount}|{line.Quantity}"))]);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(parameters)))[..16];
        return $"checkout-{holdId}-{hash}";
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
