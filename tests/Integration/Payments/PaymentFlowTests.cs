using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Common.Paging;
using Reservations.Application.Common.Ports;
using Reservations.Application.Holds;
using Reservations.Application.Payments;
using Reservations.Application.Payments.Checkout;
using Reservations.Application.Products;
using Reservations.Domain.Holds;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.Payments;

/// <summary>
/// Stripe Checkout end to end against a stub of Stripe's API: a checkout is started from a hold, and the webhook's
/// signed events decide: paid buys the hold, expired releases it, a wrong amount or a payment after the stock is gone is
/// refunded and recorded for admins. The ledgers balance after each.
/// </summary>
public sealed class PaymentFlowTests(PaymentsApiFactory api) : IClassFixture<PaymentsApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly HttpClient _alice = api.CreateClient(Tokens.Customer($"alice-{Guid.NewGuid():N}"));

    [Fact]
    public async Task Checkout_SendsTheHoldsLinesToStripe_AndExtendsTheHoldToTheSessionsExpiry_OnceForRepeats()
    {
        var product = await ProductAsync(stock: 10);
        var hold = await _alice.ReserveOkAsync(product.Id, 2);

        var first = await CheckoutAsync(hold.Id);
        var checkout = await first.ShouldBeJsonAsync<CheckoutResponse>(HttpStatusCode.Created);
        var repeated = await (await CheckoutAsync(hold.Id)).ShouldBeJsonAsync<CheckoutResponse>(HttpStatusCode.Created);

        var call = api.Stripe.Calls.Single(c => c.Path == "/v1/checkout/sessions" && c.Form["client_reference_id"] == hold.Id.ToString());
        call.IdempotencyKey.Should().StartWith($"checkout-{hold.Id}-");
        call.Form.Should().Contain(new Dictionary<string, string>
        {
            ["mode"] = "payment",
            ["line_items[0][price_data][currency]"] = "usd",
            ["line_items[0][price_data][unit_amount]"] = "2550",
            ["line_items[0][price_data][product_data][name]"] = "Festival pass",
            ["line_items[0][quantity]"] = "2",
            ["metadata[reservationId]"] = hold.Id.ToString(),
            ["success_url"] = "https://shop.example/paid",
            ["cancel_url"] = "https://shop.example/cart",
        });
        var extended = await (await _alice.GetReservationAsync(hold.Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK);
        var sessionEnds = DateTimeOffset.FromUnixTimeSeconds(long.Parse(call.Form["expires_at"], System.Globalization.CultureInfo.InvariantCulture));
        sessionEnds.Should().BeOnOrAfter(DateTimeOffset.UtcNow.AddMinutes(30), "Stripe's shortest session");
        sessionEnds.Should().Be(DateTimeOffset.FromUnixTimeSeconds((extended.ExpiresAt - StartCheckoutHandler.SessionEndsBeforeHold).ToUnixTimeSeconds()));
        checkout.ExpiresAt.Should().Be(sessionEnds);
        repeated.Should().Be(checkout);
        api.Stripe.Calls.Count(c => c.Form.GetValueOrDefault("client_reference_id") == hold.Id.ToString()).Should().Be(1);
    }

    [Fact]
    public async Task Checkout_BeyondTheHoldsCap_Is409ExtensionLimit_AndOfSomeoneElsesHold404_AndOfAPurchasedOne409_WhileOwnersBuyOnlyByPaying()
    {
        var tight = await api.CreateSaleProductAsync(null, 10, holdSeconds: 600, maxHoldSeconds: 900);
        var product = await ProductAsync(stock: 10);
        var tightHold = await _alice.ReserveOkAsync(tight.Id);
        var bobs = await api.CreateClient(Tokens.Customer($"bob-{Guid.NewGuid():N}")).ReserveOkAsync(product.Id);
        var bought = await _alice.ReserveOkAsync(product.Id);
        await (await _alice.PurchaseAsync(bought.Id)).ShouldBeProblemAsync(HttpStatusCode.PaymentRequired, "payment-required");
        (await PaymentService.PurchaseAsync(bought.Id)).StatusCode.Should().Be(HttpStatusCode.OK);

        await (await CheckoutAsync(tightHold.Id)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "extension-limit");
        await (await CheckoutAsync(bobs.Id)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "reservation-not-found");
        await (await CheckoutAsync(bought.Id)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "already-purchased");
        await (await _alice.PostAsJsonAsync($"/api/reservations/{bought.Id}/checkout", new { successUrl = "ftp://x", cancelUrl = "/cart" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task APaidCheckout_BuysTheHold_OnceHoweverOftenItsEventArrives_AndKeepsThePaymentReference()
    {
        var product = await ProductAsync(stock: 10);
        var hold = await _alice.ReserveOkAsync(product.Id, 2);
        var paid = StripeStub.EventJson("checkout.session.completed", Session(hold, amount: 5100));

        (await WebhookAsync(paid)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await WebhookAsync(paid)).StatusCode.Should().Be(HttpStatusCode.OK);

        var read = await (await _alice.GetReservationAsync(hold.Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK);
        read.Status.Should().Be(HoldStatus.Purchased);
        var ledger = await api.LedgerAsync(product.Id);
        (ledger.Held, ledger.Purchasing + ledger.Sold).Should().Be((0, 2));
        ledger.ShouldBeBalanced();
        (await api.ScalarAsync<long>($"SELECT amount FROM payments WHERE reservation_id = '{hold.Id}'")).Should().Be(5100);
        (await api.ScalarAsync<long>($"SELECT count(*) FROM payment_events WHERE type = 'checkout.session.completed' AND id = '{EventId(paid)}'"))
            .Should().Be(1);
    }

    [Fact]
    public async Task AnExpiredCheckout_ReleasesItsHold_ButAnExpiredEventAfterThePayment_ChangesNothing()
    {
        var product = await ProductAsync(stock: 10);
        var abandoned = await _alice.ReserveOkAsync(product.Id, 3);
        var paidFirst = await _alice.ReserveOkAsync(product.Id, 1);

        (await WebhookAsync(StripeStub.EventJson("checkout.session.expired", Session(abandoned, status: "expired", paymentStatus: "unpaid"))))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await WebhookAsync(StripeStub.EventJson("checkout.session.completed", Session(paidFirst, amount: 2550)))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await WebhookAsync(StripeStub.EventJson("checkout.session.expired", Session(paidFirst, status: "expired", paymentStatus: "unpaid"))))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        (await StatusAsync(abandoned.Id)).Should().Be(HoldStatus.Released);
        (await StatusAsync(paidFirst.Id)).Should().Be(HoldStatus.Purchased);
        var ledger = await api.LedgerAsync(product.Id);
        (ledger.Available, ledger.Held).Should().Be((9, 0));
        ledger.ShouldBeBalanced();
    }

    [Fact]
    public async Task APaymentOfAnotherAmountOrCurrency_BuysNothing_IsRefunded_AndListedForAdmins()
    {
        var product = await ProductAsync(stock: 10);
        var underpaid = await _alice.ReserveOkAsync(product.Id, 2);
        var otherCurrency = await _alice.ReserveOkAsync(product.Id, 1);

        (await WebhookAsync(StripeStub.EventJson("checkout.session.completed", Session(underpaid, amount: 100, paymentIntent: "pi_under"))))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await WebhookAsync(StripeStub.EventJson("checkout.session.completed", Session(otherCurrency, amount: 2550, currency: "eur", paymentIntent: "pi_eur"))))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        (await StatusAsync(underpaid.Id)).Should().Be(HoldStatus.Held);
        (await StatusAsync(otherCurrency.Id)).Should().Be(HoldStatus.Held);
        api.Stripe.Calls.Where(c => c.Path == "/v1/refunds").Select(c => c.Form["payment_intent"]).Should().Contain(["pi_under", "pi_eur"]);
        var problems = await ProblemsAsync();
        problems.Where(p => p.ReservationId == underpaid.Id || p.ReservationId == otherCurrency.Id)
            .Should().HaveCount(2).And.OnlyContain(p => p.Kind == PaymentErrors.AmountMismatch && p.RefundStatus == "succeeded");
        (await api.LedgerAsync(product.Id)).ShouldBeBalanced();
    }

    [Fact]
    public async Task APaymentAfterTheHoldExpired_HoldsTheItemsAgainAndBuysThem_WhileStockIsLeft()
    {
        var product = await api.CreateSaleProductAsync(null, 5, holdSeconds: 1);
        var hold = await _alice.ReserveOkAsync(product.Id, 2);
        await ExpireAsync(product.Id, hold.Id);

        (await WebhookAsync(StripeStub.EventJson("checkout.session.completed", Session(hold, amount: 5100)))).StatusCode.Should().Be(HttpStatusCode.OK);

        var ledger = await api.LedgerAsync(product.Id);
        (ledger.Available, ledger.Held, ledger.Purchasing + ledger.Sold).Should().Be((3, 0, 2));
        ledger.ShouldBeBalanced();
        var heldAgain = await api.ScalarAsync<Guid>($"SELECT reservation_id FROM payments WHERE held_again_from = '{hold.Id}'");
        (await StatusAsync(heldAgain)).Should().Be(HoldStatus.Purchased);
    }

    [Fact]
    public async Task APaymentAfterTheHoldExpired_WithTheStockGone_IsRefunded_AndListedForAdmins()
    {
        var product = await api.CreateSaleProductAsync(null, 2, holdSeconds: 1);
        var hold = await _alice.ReserveOkAsync(product.Id, 2);
        await ExpireAsync(product.Id, hold.Id);
        var bob = api.CreateClient(Tokens.Customer($"bob-{Guid.NewGuid():N}"));
        await bob.ReserveOkAsync(product.Id, 2);

        (await WebhookAsync(StripeStub.EventJson("checkout.session.completed", Session(hold, amount: 5100, paymentIntent: "pi_late"))))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        api.Stripe.Calls.Should().Contain(c => c.Path == "/v1/refunds" && c.Form["payment_intent"] == "pi_late");
        (await ProblemsAsync()).Should().ContainSingle(p => p.ReservationId == hold.Id).Which.Kind.Should().Be(PaymentErrors.StockGone);
        var ledger = await api.LedgerAsync(product.Id);
        (ledger.Held, ledger.Purchasing + ledger.Sold).Should().Be((2, 0), "bob's hold is the only one");
        ledger.ShouldBeBalanced();
    }

    [Fact]
    public async Task AWebhook_TamperedWithOrSignedWithAnotherSecretOrUnsigned_Is400_AndChangesNothing()
    {
        var product = await ProductAsync(stock: 10);
        var hold = await _alice.ReserveOkAsync(product.Id);
        var paid = StripeStub.EventJson("checkout.session.completed", Session(hold, amount: 2550));
        var signature = StripeStub.Sign(paid, PaymentsApiFactory.WebhookSecret, DateTimeOffset.UtcNow);

        var tampered = await WebhookAsync(paid.Replace("2550", "1", StringComparison.Ordinal), signature);
        var otherSecret = await WebhookAsync(paid, StripeStub.Sign(paid, "whsec_someone_else", DateTimeOffset.UtcNow));
        var stale = await WebhookAsync(paid, StripeStub.Sign(paid, PaymentsApiFactory.WebhookSecret, DateTimeOffset.UtcNow.AddMinutes(-6)));
        var unsigned = await WebhookAsync(paid, signature: null);

        foreach (var response in new[] { tampered, otherSecret, stale, unsigned })
        {
            await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid-signature");
        }

        (await StatusAsync(hold.Id)).Should().Be(HoldStatus.Held);
    }

    [Fact]
    public async Task UnknownEventTypesAnswer200_WhileAPaymentForAHoldNobodyKnows_IsRefundedAndListed()
    {
        var unknown = Guid.CreateVersion7();
        var unknownHold = StripeStub.EventJson("checkout.session.completed",
            new StripeSessionObject($"cs_test_{unknown:N}", unknown.ToString(), PaymentIntent: "pi_unknown"));
        var otherType = StripeStub.EventJson("customer.created", new StripeSessionObject("cs_test_other", null));

        (await WebhookAsync(unknownHold)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await WebhookAsync(otherType)).StatusCode.Should().Be(HttpStatusCode.OK);

        api.Stripe.Calls.Should().ContainSingle(c => c.Path == "/v1/refunds" && c.Form["payment_intent"] == "pi_unknown");
        (await ProblemsAsync()).Should().ContainSingle(p => p.ReservationId == unknown).Which.Kind.Should().Be(PaymentErrors.UnknownHold);
    }

    [Fact]
    public async Task ARefundWhileStripeIsDown_Answers500_AndTheRedeliveryRefundsOnce_AndRecordsOnce()
    {
        var product = await ProductAsync(stock: 10);
        var hold = await _alice.ReserveOkAsync(product.Id);
        var underpaid = StripeStub.EventJson("checkout.session.completed", Session(hold, amount: 1, paymentIntent: "pi_down"));
        api.Stripe.FailNext(3, StripeFault.ServerError);

        var first = await WebhookAsync(underpaid);
        var redelivered = await WebhookAsync(underpaid);
        var replayed = await WebhookAsync(underpaid);

        first.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (redelivered.StatusCode, replayed.StatusCode).Should().Be((HttpStatusCode.OK, HttpStatusCode.OK));
        api.Stripe.Calls.Where(c => c.Path == "/v1/refunds" && c.Form["payment_intent"] == "pi_down").Select(c => c.IdempotencyKey)
            .Distinct().Should().ContainSingle("every try refunds under one key");
        (await ProblemsAsync()).Where(p => p.ReservationId == hold.Id).Should().ContainSingle().Which.RefundStatus.Should().Be("succeeded");
    }

    [Fact]
    public async Task ARefundStripeRefuses_IsRecordedWithWhy_AndTheEventIsDone()
    {
        var product = await ProductAsync(stock: 10);
        var hold = await _alice.ReserveOkAsync(product.Id);
        api.Stripe.FailNext(1, StripeFault.InvalidRequest);

        var response = await WebhookAsync(StripeStub.EventJson("checkout.session.completed", Session(hold, amount: 1, paymentIntent: "pi_refused")));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ProblemsAsync()).Should().ContainSingle(p => p.ReservationId == hold.Id).Which.RefundStatus.Should().StartWith("refund refused");
    }

    [Fact]
    public async Task ASecondPaymentForABoughtHold_IsRefunded_AndTheHoldStaysBoughtOnce()
    {
        var product = await ProductAsync(stock: 10);
        var hold = await _alice.ReserveOkAsync(product.Id);
        var first = Session(hold, amount: 2550, paymentIntent: "pi_first");

        (await WebhookAsync(StripeStub.EventJson("checkout.session.completed", first))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await WebhookAsync(StripeStub.EventJson("checkout.session.completed", first with { Id = "cs_test_second", PaymentIntent = "pi_second" })))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        api.Stripe.Calls.Should().ContainSingle(c => c.Path == "/v1/refunds" && c.Form["payment_intent"] == "pi_second");
        api.Stripe.Calls.Should().NotContain(c => c.Path == "/v1/refunds" && c.Form["payment_intent"] == "pi_first");
        (await ProblemsAsync()).Should().ContainSingle(p => p.ReservationId == hold.Id).Which.Kind.Should().Be(PaymentErrors.Duplicate);
        var ledger = await api.LedgerAsync(product.Id);
        (ledger.Purchasing + ledger.Sold).Should().Be(1);
        ledger.ShouldBeBalanced();
    }

    [Fact]
    public async Task APaymentsService_MayBuyAnyCustomersHold_OnThePurchaseRoute()
    {
        var product = await ProductAsync(stock: 10);
        var hold = await _alice.ReserveOkAsync(product.Id);
        var bought = await (await PaymentService.PurchaseAsync(hold.Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK);

        bought.Status.Should().Be(HoldStatus.Purchased);
        bought.CustomerId.Should().Be(hold.CustomerId);
    }

    private HttpClient PaymentService => api.CreateClient(Tokens.Create("shop-payments", roles: ["payments"]));

    private Task<ProductResponse> ProductAsync(int stock) =>
        api.CreateSaleProductAsync(null, stock, holdSeconds: 600, maxHoldSeconds: 3600);

    private Task<HttpResponseMessage> CheckoutAsync(Guid holdId) =>
        _alice.PostAsJsonAsync($"/api/reservations/{holdId}/checkout",
            new { successUrl = "https://shop.example/paid", cancelUrl = "https://shop.example/cart" }, Ct);

    private Task<HttpResponseMessage> WebhookAsync(string payload) =>
        WebhookAsync(payload, StripeStub.Sign(payload, PaymentsApiFactory.WebhookSecret, DateTimeOffset.UtcNow));

    private Task<HttpResponseMessage> WebhookAsync(string payload, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/payments/stripe/webhook")
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        if (signature is not null)
        {
            request.Headers.Add("Stripe-Signature", signature);
        }

        return api.CreateClient().SendAsync(request, Ct);
    }

    private async Task<HoldStatus> StatusAsync(Guid holdId) =>
        (await (await api.CreateClient(Tokens.Admin()).GetReservationAsync(holdId)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK)).Status;

    private async Task<IReadOnlyList<PaymentProblem>> ProblemsAsync() =>
        (await (await api.CreateClient(Tokens.Admin()).GetAsync(new Uri("/api/admin/payments/problems?pageSize=100", UriKind.Relative), Ct))
            .ShouldBeJsonAsync<PagedResponse<PaymentProblem>>(HttpStatusCode.OK)).Items;

    private async Task ExpireAsync(Guid productId, Guid holdId)
    {
        var gate = api.Services.GetRequiredService<IHoldGate>();
        var expiry = api.Services.GetRequiredService<IHoldExpiry>();
        await Eventually.TrueAsync(async () =>
        {
            await expiry.ExpireDueAsync(api.Keys.ShardOf(productId), Ct);
            return (await gate.FindAsync(holdId, Ct))!.Status == HoldStatus.Expired && (await api.LedgerAsync(productId)).Held == 0;
        }, TimeSpan.FromSeconds(10));
    }

    private static StripeSessionObject Session(
        ReservationResponse hold, long amount = 0, string currency = "usd", string status = "complete", string paymentStatus = "paid",
        string paymentIntent = "pi_test_1") =>
        new($"cs_test_{hold.Id:N}", hold.Id.ToString(), hold.Id.ToString(), paymentIntent, paymentStatus, amount, currency, status);

    private static string EventId(string eventJson) => JsonDocument.Parse(eventJson).RootElement.GetProperty("id").GetString()!;
}
