using Mediator;

namespace Reservations.Application.Payments.Settle;

public sealed record SettleCheckoutCommand(PaymentEvent Event) : ICommand;
