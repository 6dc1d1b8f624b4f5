using Reservations.Application.Common.Results;

namespace Reservations.Application.Payments;

public static class PaymentErrors
{
    public static readonly Error PaymentsDisabled = new("payments-disabled", ErrorKind.Unavailable);

    /// <summary>Payments are configured: an owner pays at checkout rather than buying on the purchase route.</summary>
    public static readonly Error PaymentRequired = new("payment-required", ErrorKind.PaymentRequired);

    /// <summary>The provider did not answer (5xx or a timeout, after retries): try again.</summary>
    public static readonly Error ProviderUnavailable = new("payment-provider-unavailable", ErrorKind.Unavailable);

    /// <summary>The provider refused the request: a fault of ours, reported.</summary>
    public static readonly Error ProviderRejected = new("payment-provider-rejected", ErrorKind.UpstreamFailed);

    public static readonly Error InvalidSignature = new("invalid-signature", ErrorKind.Invalid);

    /// <summary>A payment problem kind: the amount or currency paid is not the hold's total.</summary>
    public const string AmountMismatch = "amount-mismatch";

    /// <summary>A payment problem kind: paid for a hold neither store knows (Redis forgot it, or no hold id).</summary>
    public const string UnknownHold = "unknown-hold";

    /// <summary>A payment problem kind: paid for a hold another payment bought already.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>A payment problem kind: paid after the hold ended, and its items could not be held again.</summary>
    public const string StockGone = "stock-gone";
}
