using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Payments.Checkout;

/// <summary>The owner of a held hold starts paying for it at the payment provider's hosted checkout.</summary>
public sealed record StartCheckoutCommand(string CustomerId, Guid HoldId, Uri? SuccessUrl, Uri? CancelUrl)
    : ICommand<Result<CheckoutResponse>>;

public sealed record CheckoutResponse(Uri CheckoutUrl, string SessionId, DateTimeOffset ExpiresAt);
