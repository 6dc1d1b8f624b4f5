using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reservations.Application.Common.Ports;
using Reservations.Application.Holds;
using Reservations.Application.Payments.Checkout;
using Reservations.Domain.Holds;

namespace Reservations.Application.Payments.Settle;

/// <summary>A paid checkout buys its hold; one paid after its hold ended holds the same items again and buys them, or with
/// the stock gone is refunded and recorded for admins, as is a payment not of the hold's total and currency; an expired
/// checkout releases its hold. Each effect is safe to repeat (the second hold and the refund carry the session's keys) and
/// the event is marked handled after them, so a replay, or a retry after a failure, has each effect once.</summary>
public sealed partial class SettleCheckoutHandler(
    IHoldGate gate, IPurchasedHolds purchases, IPaymentStore store, IPaymentProvider provider,
    IOptions<PaymentsOptions> options, TimeProvider time, ILogger<SettleCheckoutHandler> logger)
    : ICommandHandler<SettleCheckoutCommand>
{
    public async ValueTask<Unit> Handle(SettleCheckoutCommand command, CancellationToken cancellationToken)
    {
        var paymentEvent = command.Event;
        if (await store.HasHandledAsync(paymentEvent.Id, cancellationToken))
        {
            LogReplay(logger, paymentEvent.Id, paymentEvent.RawType);
            return Unit.Value;
        }

        var hold = paymentEvent.HoldId is { } id
            ? await gate.FindAsync(id, cancellationToken) ?? await purchases.FindHoldAsync(id, cancellationToken)
            : null;
        switch (paymentEvent.Type)
        {
            case PaymentEventType.CheckoutCompleted when paymentEvent.Paid && hold is null:
                // Money for nothing known: never kept silently.
                await RefundAsync(paymentEvent, paymentEvent.HoldId ?? Guid.Empty, PaymentErrors.UnknownHold,
                    "no hold or order has the payment's reservation id", cancellationToken);
                break;
            case PaymentEventType.CheckoutCompleted when paymentEvent.Paid:
                await SettleAsync(paymentEvent, hold!, cancellationToken);
                break;
            case PaymentEventType.CheckoutExpired when hold is not null:
                // A purchased hold stays bought: the release answers already-purchased and changes nothing.
                await gate.ReleaseAsync(hold.Id, hold.Customer, cancellationToken);
                break;
            default:
                LogIgnored(logger, paymentEvent.Id, paymentEvent.RawType, paymentEvent.HoldId, paymentEvent.Paid);
                break;
        }

        await store.MarkHandledAsync(paymentEvent, time.GetUtcNow(), cancellationToken);
        return Unit.Value;
    }

    private async Task SettleAsync(PaymentEvent paid, Hold hold, CancellationToken cancellationToken)
    {
        var total = StartCheckoutHandler.MinorUnits(hold.Total);
        if (paid.AmountTotal != total || !string.Equals(paid.Currency, options.Value.Currency, StringComparison.OrdinalIgnoreCase))
        {
            await RefundAsync(paid, hold.Id, PaymentErrors.AmountMismatch,
                $"paid {paid.AmountTotal} {paid.Currency}, the hold's total is {total} {options.Value.Currency}", cancellationToken);
            return;
        }

        if (await store.FindPaymentAsync(hold.Id, cancellationToken) is { } earlier && earlier.SessionId != paid.SessionId)
        {
            await RefundAsync(paid, hold.Id, PaymentErrors.Duplicate, $"bought already by session {earlier.SessionId}", cancellationToken);
            return;
        }

        var bought = await gate.PurchaseAsync(hold.Id, hold.Customer, cancellationToken);
        if (bought.IsSuccess || hold.Status == HoldStatus.Completed)
        {
            await RecordAsync(paid, hold.Id, heldAgainFrom: null, cancellationToken);
            return;
        }

        if (bought.Error != HoldErrors.HoldExpired && bought.Error != HoldErrors.HoldReleased)
        {
            throw new InvalidOperationException($"The paid hold {hold.Id} could not be bought: {bought.Error!.Code}.");
        }

        // Paid after the hold ended: the same items again for the same customer, once per session.
        var again = await gate.ReserveAsync(
            new ReserveRequest([.. hold.Lines.Select(l => new ReserveLine(l.ProductId, l.Quantity))], hold.Customer, $"payment-{paid.SessionId}"),
            cancellationToken);
        var boughtAgain = again.IsSuccess ? await gate.PurchaseAsync(again.Value.Id, hold.Customer, cancellationToken) : null;
        if (boughtAgain is { IsSuccess: true })
        {
            LogHeldAgain(logger, hold.Id, again.Value.Id, paid.SessionId);
            await RecordAsync(paid, again.Value.Id, hold.Id, cancellationToken);
            return;
        }

        var why = (boughtAgain?.Error ?? again.Error)!.Code;
        await RefundAsync(paid, hold.Id, PaymentErrors.StockGone, $"paid after the hold {hold.Status.ToString().ToLowerInvariant()}; held again: {why}", cancellationToken);
    }

    private Task RecordAsync(PaymentEvent paid, Guid holdId, Guid? heldAgainFrom, CancellationToken cancellationToken) =>
        store.RecordPaymentAsync(new PaymentRecord(
            holdId, paid.SessionId!, paid.PaymentIntentId, paid.AmountTotal ?? 0, paid.Currency ?? string.Empty, heldAgainFrom,
            time.GetUtcNow()), cancellationToken);

    // The provider unavailable throws: the event is not marked handled, and its redelivery refunds (the key makes it
    // once). A refund the provider refuses (refunded already, the balance short) is recorded with why, for an admin.
    private async Task RefundAsync(PaymentEvent paid, Guid holdId, string kind, string detail, CancellationToken cancellationToken)
    {
        var (refundId, refundStatus) = ((string?)null, "no payment intent to refund");
        if (paid.PaymentIntentId is { } paymentIntent)
        {
            try
            {
                var refund = await provider.RefundAsync(new RefundRequest(paymentIntent, $"refund-{paid.SessionId}-{kind}"), cancellationToken);
                (refundId, refundStatus) = (refund.Id, refund.Status);
            }
            catch (PaymentProviderException e) when (e.Failure != PaymentFailure.Unavailable)
            {
                refundStatus = $"refund refused: {e.Message}";
            }
        }

        LogRefunded(logger, holdId, paid.SessionId, kind, detail, refundStatus);
        await store.RecordProblemAsync(new PaymentProblem(
            holdId, paid.SessionId ?? paid.Id, paid.PaymentIntentId, kind, paid.AmountTotal, paid.Currency, refundId,
            refundStatus[..Math.Min(refundStatus.Length, 500)], detail, time.GetUtcNow()), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment event {EventId} ({Type}) was handled before: nothing done")]
    private static partial void LogReplay(ILogger logger, string eventId, string type);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Payment event {EventId} ({Type}) acts on no hold (reservation {ReservationId}, paid {Paid}): nothing done")]
    private static partial void LogIgnored(ILogger logger, string eventId, string type, Guid? reservationId, bool paid);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Hold {HoldId} ended before its payment (session {SessionId}) arrived; its items were held again as {NewHoldId} and bought")]
    private static partial void LogHeldAgain(ILogger logger, Guid holdId, Guid newHoldId, string? sessionId);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "The payment of hold {HoldId} (session {SessionId}) bought nothing ({Kind}: {Detail}); refund: {RefundStatus}")]
    private static partial void LogRefunded(ILogger logger, Guid holdId, string? sessionId, string kind, string detail, string refundStatus);
}
