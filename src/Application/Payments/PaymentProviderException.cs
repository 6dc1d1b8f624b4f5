namespace Reservations.Application.Payments;

public enum PaymentFailure
{
    /// <summary>The customer's card or bank refused: the customer's business, not a fault of ours.</summary>
    Declined,

    /// <summary>The provider refused the request (4xx): a bug or a configuration problem of ours, reported.</summary>
    Rejected,

    Unavailable,
}

public sealed class PaymentProviderException(PaymentFailure failure, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public PaymentFailure Failure { get; } = failure;
}
