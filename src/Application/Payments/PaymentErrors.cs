using Reservations.Application.Common.Results;

namespace Reservations.Application.Payments;

public static class PaymentErrors
{
    public static readonly Error PaymentsDisabled = new("payments-disabled", ErrorKind.Unavailable);

    /// <summary>Payments are configured: an owner pays at checkout rather than buying on the purchase route.</summary>
    public static readonly Error PaymentRequired = new("payment-required", ErrorKind.PaymentRequired);

    public static readonly Error ProviderUnavailable = new("payment-provider-unavailable", ErrorKind.Unavailable);

    public static readonly Error ProviderRejected = new("payment-provider-rejected", ErrorKind.UpstreamFailed);

    public static readonly Error InvalidSignature = new("invalid-signature", ErrorKind.Invalid);

    /// <summary>A payment problem kind: the amount or currency paid is not the hold's total.</summary>
    public const string AmountMismatch = "amount-mismatch";

    /// <summary>A payment problem kind: paid for a hold neither store knows (Redis forgot it, or no hold id).</summary>
    public const string UnknownHold = "unknown-hold";

    public const string Duplicate = "duplicate";

    /// <summary>A payment problem kind: paid after the hold ended, and its items could not be held again.</summary>
    public const string StockGone = "stock-gone";
}
