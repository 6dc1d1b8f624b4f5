using Mediator;

namespace Reservations.Application.Payments.Settle;

/// <summary>A verified event of the payment provider: it decides whether a hold is bought, released or refunded.</summary>
public sealed record SettleCheckoutCommand(PaymentEvent Event) : ICommand;
