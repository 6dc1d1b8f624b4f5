namespace Reservations.Infrastructure.Redis.Scripts.Purchase;

/// <summary>purchase.lua's answer: the outcome and the hold, packed, as it stands (empty when it was not found).</summary>
internal readonly record struct PurchaseReply(PurchaseOutcome Outcome, byte[] Hold);
