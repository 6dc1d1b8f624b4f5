namespace Reservations.Application.Webhooks.DrainGateEvents;

/// <summary>What a dead-lettered order adds to its hold: when it was purchased, and why PostgreSQL refused it.</summary>
public sealed record DeadLetteredOrder(DateTimeOffset PurchasedAt, string Reason);
