namespace Reservations.Application.Payments;

public sealed record PaymentEvent(
    string Id,
    PaymentEventType Type,
    string RawType,
    string? SessionId,
    Guid? HoldId,
    string? PaymentIntentId,
    bool Paid,
    long? AmountTotal,
    string? Currency);

public enum PaymentEventType
{
    /// <summary>Any type this service does not act on: answered 200 and logged.</summary>
    Other,

    CheckoutCompleted,

    CheckoutExpired,
}
