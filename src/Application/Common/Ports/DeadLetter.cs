namespace Reservations.Application.Common.Ports;

public sealed record DeadLetter(PendingPurchase Purchase, string Reason);
