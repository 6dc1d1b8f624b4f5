namespace Reservations.Application.Payments;

/// <summary>Verifies a provider's webhook signature and reads the event it signed.</summary>
public interface IPaymentEventReader
{
    /// <summary>The event, or null when the signature is missing, wrong, too old, or the body is not an event.</summary>
    PaymentEvent? Read(string payload, string? signatureHeader);
}
