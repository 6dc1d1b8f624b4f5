using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Reservations.Application.Common.Paging;
using Reservations.Application.Payments;
using Reservations.Application.Payments.Checkout;
using Reservations.Application.Payments.Problems;
using Reservations.Application.Payments.Settle;
using Reservations.WebApi.Auth;
using Reservations.WebApi.OpenApi;
using Reservations.WebApi.Problems;
using Reservations.WebApi.Protection;

namespace Reservations.WebApi.Endpoints;

public static class PaymentsEndpoints
{
    /// <summary>Stripe's events of a checkout session are a few KiB; more than the API's 16 KiB for other bodies is allowed.</summary>
    public const int MaxWebhookBodyBytes = 256 * 1024;

    public sealed record StartCheckoutRequest(Uri? SuccessUrl, Uri? CancelUrl);

    public static IEndpointRouteBuilder MapPayments(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/reservations/{id:guid}/checkout", StartCheckout).WithTags("Payments")
            .RequireAuthorization(Policies.Customer).RequirePerCustomerLimit()
            .WithSummary("Starts paying for a held reservation at Stripe Checkout; the hold is extended to the session's expiry")
            .WithDescription("Owner only. 201 {checkoutUrl, sessionId, expiresAt}; a repeat answers the same session. The session " +
                "expires with the hold, at least 30 minutes away (the hold is extended within its cap). Problems: 400 validation " +
                "(successUrl, cancelUrl absolute http(s)); 404 reservation-not-found; 409 extension-limit (+maxExpiresAt), " +
                "already-purchased; 410 hold-expired, hold-released; 502 payment-provider-rejected; 503 payments-disabled, " +
                "payment-provider-unavailable.")
            .WithProblems("validation", "reservation-not-found", "extension-limit", "already-purchased", "hold-expired",
                "hold-released", "payment-provider-rejected", "payments-disabled", "payment-provider-unavailable");
        // Stripe sends from a few addresses, in bursts during a sale: the per-address limits for anonymous callers would
        // turn its deliveries away while holds run out. The signature is checked before anything else is done.
        app.MapPost("/api/payments/stripe/webhook", StripeWebhook).WithTags("Payments").AllowAnonymous().DisableRateLimiting()
            .WithSummary("Stripe's events: a paid checkout buys its hold, an expired one releases it")
            .WithDescription("Verified with Stripe-Signature (Payments:Stripe:WebhookSecret, 5 minutes' tolerance). 200 once " +
                "handled, also for replays, unknown event types and unknown holds; 400 invalid-signature; 404 while payments " +
                "are not configured.")
            .WithProblems("invalid-signature", "not-found", "payload-too-large");
        app.MapGet("/api/admin/payments/problems", ListProblems).WithTags("Payments").RequireAuthorization(Policies.Admin)
            .WithProblems("validation")
            .WithSummary("Payments that bought nothing and were refunded (wrong amount, stock gone after the hold ended), newest first")
            .WithDescription("Admin only. Each names the Stripe session and payment, the amount, the refund and why. " +
                "400 validation: page ≥ 1, pageSize 1–100.");
        return app;
    }

    public static async Task<Results<Created<CheckoutResponse>, ProblemHttpResult>> StartCheckout(
        Guid id, StartCheckoutRequest request, ClaimsPrincipal user, ISender sender, HttpContext context,
        CancellationToken cancellationToken)
    {
        var result = await sender.Send(new StartCheckoutCommand(user.CustomerId(), id, request.SuccessUrl, request.CancelUrl), cancellationToken);
        return result.IsSuccess
            ? TypedResults.Created($"/api/reservations/{id}", result.Value)
            : result.Error!.ToProblem(context);
    }

    [StripeSigned]
    public static async Task<Results<Ok, NotFound, ProblemHttpResult>> StripeWebhook(
        HttpContext context, IOptions<PaymentsOptions> options, IPaymentEventReader reader, ISender sender,
        CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return TypedResults.NotFound();
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxWebhookBodyBytes;
        }

        using var body = new StreamReader(context.Request.Body);
        var payload = await body.ReadToEndAsync(cancellationToken);
        if (reader.Read(payload, context.Request.Headers["Stripe-Signature"].FirstOrDefault()) is not { } paymentEvent)
        {
            return PaymentErrors.InvalidSignature.ToProblem(context);
        }

        await sender.Send(new SettleCheckoutCommand(paymentEvent), cancellationToken);
        return TypedResults.Ok();
    }

    public static async Task<Ok<PagedResponse<PaymentProblem>>> ListProblems(
        ISender sender, CancellationToken cancellationToken,
        int page = PageRequest.DefaultPage, int pageSize = PageRequest.DefaultPageSize) =>
        TypedResults.Ok(await sender.Send(new ListPaymentProblemsQuery(page, pageSize), cancellationToken));
}
