using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Payments.Checkout;

public sealed record StartCheckoutCommand(string CustomerId, Guid HoldId, Uri? SuccessUrl, Uri? CancelUrl)
    : ICommand<Result<CheckoutResponse>>;

public sealed record CheckoutResponse(Uri CheckoutUrl, string SessionId, DateTimeOffset ExpiresAt);
