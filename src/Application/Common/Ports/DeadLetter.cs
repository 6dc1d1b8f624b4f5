namespace Reservations.Application.Common.Ports;

/// <summary>A purchase PostgreSQL refused for good, kept with the reason until an admin retries it.</summary>
public sealed record DeadLetter(PendingPurchase Purchase, string Reason);
