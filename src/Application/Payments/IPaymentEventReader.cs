namespace Reservations.Application.Payments;

public interface IPaymentEventReader
{
    /// <summary>The event, or null when the signature is missing, wrong, too old, or the body is not an event.</summary>
    PaymentEvent? Read(string payload, string? signatureHeader);
}
