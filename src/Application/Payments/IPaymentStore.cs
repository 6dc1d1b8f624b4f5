namespace Reservations.Application.Payments;

public interface IPaymentStore
{
    Task<StoredCheckout?> FindCheckoutAsync(Guid holdId, CancellationToken cancellationToken);

    /// <summary>Stores the checkout unless the hold has one already; the one stored either way.</summary>
    Task<StoredCheckout> AddCheckoutAsync(StoredCheckout checkout, CancellationToken cancellationToken);

    Task<bool> HasHandledAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>Marks the event handled (after its effects, which are safe to repeat); safe to repeat.</summary>
    Task MarkHandledAsync(PaymentEvent paymentEvent, DateTimeOffset at, CancellationToken cancellationToken);

    Task<PaymentRecord?> FindPaymentAsync(Guid holdId, CancellationToken cancellationToken);

    /// <summary>Keeps the payment reference of the hold it bought; safe to repeat.</summary>
    Task RecordPaymentAsync(PaymentRecord payment, CancellationToken cancellationToken);

    /// <summary>Records a payment that bought nothing (refunded), once per session and kind.</summary>
    Task RecordProblemAsync(PaymentProblem problem, CancellationToken cancellationToken);

    Task<(IReadOnlyList<PaymentProblem> Items, int Total)> ListProblemsAsync(int page, int pageSize, CancellationToken cancellationToken);
}

public sealed record StoredCheckout(Guid HoldId, string CustomerId, string SessionId, Uri Url, DateTimeOffset ExpiresAt);

/// <summary><see cref="HeldAgainFrom"/>: the hold paid for, when it had expired and the same items were held again as
/// <see cref="HoldId"/>.</summary>
public sealed record PaymentRecord(
    Guid HoldId, string SessionId, string? PaymentIntentId, long Amount, string Currency, Guid? HeldAgainFrom,
    DateTimeOffset At);

public sealed record PaymentProblem(
    Guid ReservationId, string SessionId, string? PaymentIntentId, string Kind, long? Amount, string? Currency,
    string? RefundId, string? RefundStatus, string Detail, DateTimeOffset At);
