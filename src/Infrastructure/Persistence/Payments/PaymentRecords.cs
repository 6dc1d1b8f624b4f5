namespace Reservations.Infrastructure.Persistence.Payments;

public sealed class CheckoutRecord
{
    public Guid ReservationId { get; set; }
    public string CustomerId { get; set; } = string.Empty;
    public string SessionId { get; set; } = string.Empty;
    public string Url { get; set; } = string.Empty;
    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>A provider event handled (its effects are done), so that a replay has none.</summary>
public sealed class PaymentEventRecord
{
    public string Id { get; set; } = string.Empty;
    public string Type { get; set; } = string.Empty;
    public DateTimeOffset HandledAt { get; set; }
}

/// <summary>The payment reference of an order (its id is the order's).</summary>
public sealed class PaymentReferenceRecord
{
    public Guid ReservationId { get; set; }
    public string SessionId { get; set; } = string.Empty;
    public string? PaymentIntentId { get; set; }
    public long Amount { get; set; }
    public string Currency { get; set; } = string.Empty;
    public Guid? HeldAgainFrom { get; set; }
    public DateTimeOffset PaidAt { get; set; }
}

/// <summary>A payment that bought nothing and was refunded.</summary>
public sealed class PaymentProblemRecord
{
    public Guid Id { get; set; }
    public Guid ReservationId { get; set; }
    public string SessionId { get; set; } = string.Empty;
    public string? PaymentIntentId { get; set; }
    public string Kind { get; set; } = string.Empty;
    public long? Amount { get; set; }
    public string? Currency { get; set; }
    public string? RefundId { get; set; }
    public string? RefundStatus { get; set; }
    public string Detail { get; set; } = string.Empty;
    public DateTimeOffset At { get; set; }
}
