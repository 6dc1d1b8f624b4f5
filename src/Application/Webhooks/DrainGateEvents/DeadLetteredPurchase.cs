namespace Reservations.Application.Webhooks.DrainGateEvents;

public sealed record DeadLetteredPurchase(DateTimeOffset PurchasedAt, string Reason);
