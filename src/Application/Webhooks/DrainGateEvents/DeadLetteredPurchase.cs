namespace Reservations.Application.Webhooks.DrainGateEvents;

/// <summary>What a dead-lettered purchase adds to its hold: when it was purchased, and why PostgreSQL refused it.</summary>
public sealed record DeadLetteredPurchase(DateTimeOffset PurchasedAt, string Reason);
