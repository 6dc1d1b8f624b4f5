namespace Reservations.Application.Payments;

/// <summary>Stripe's adapter is in Infrastructure; another provider fits behind the same port. Failures throw
/// <see cref="PaymentProviderException"/>.</summary>
public interface IPaymentProvider
{
    /// <summary>The same <see cref="CheckoutRequest.IdempotencyKey"/> with the same request answers the same session.</summary>
    Task<CheckoutSession> CreateCheckoutAsync(CheckoutRequest request, CancellationToken cancellationToken);

    /// <summary>Refunds all of a payment; the same idempotency key refunds once.</summary>
    Task<PaymentRefund> RefundAsync(RefundRequest request, CancellationToken cancellationToken);
}

/// <summary>A hosted checkout of a hold's lines, in the currency's minor units (cents).</summary>
public sealed record CheckoutRequest(
    Guid HoldId,
    string CustomerId,
    IReadOnlyList<CheckoutLine> Lines,
    string Currency,
    DateTimeOffset ExpiresAt,
    Uri SuccessUrl,
    Uri CancelUrl,
    string IdempotencyKey);

public sealed record CheckoutLine(string Name, long UnitAmount, int Quantity);

public sealed record CheckoutSession(string Id, Uri Url, DateTimeOffset ExpiresAt);

public sealed record RefundRequest(string PaymentIntentId, string IdempotencyKey);

public sealed record PaymentRefund(string Id, string Status);
