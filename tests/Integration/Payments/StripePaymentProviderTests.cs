using System.Diagnostics;
using Reservations.Application.Payments;
using Reservations.Infrastructure.Payments;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.Payments;

/// <summary>Stripe.net itself, pointed at a stub of Stripe's API: what the adapter sends, and what it makes of the answers.</summary>
public sealed class StripePaymentProviderTests
{
    private const string SecretKey = "sk_test_51StubKeyForTheTestsOnly";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task CreateCheckout_SendsTheLinesMetadataExpiryUrlsAndIdempotencyKey_AndReturnsTheSession()
    {
        await using var stub = await StripeStub.StartAsync();
        using var provider = ProviderFor(stub);
        var request = Checkout();

        var session = await provider.CreateCheckoutAsync(request, TestContext.Current.CancellationToken);

        var call = stub.Calls.Should().ContainSingle().Subject;
        call.Path.Should().Be("/v1/checkout/sessions");
        call.IdempotencyKey.Should().Be(request.IdempotencyKey);
        call.Authorization.Should().Be($"Bearer {SecretKey}");
        var reservationId = request.HoldId.ToString();
        call.Form.Should().Contain(new Dictionary<string, string>
        {
            ["mode"] = "payment",
            ["line_items[0][price_data][currency]"] = "usd",
            ["line_items[0][price_data][unit_amount]"] = "1250",
            ["line_items[0][price_data][product_data][name]"] = "Concert ticket",
            ["line_items[0][quantity]"] = "2",
            ["line_items[1][price_data][currency]"] = "usd",
            ["line_items[1][price_data][unit_amount]"] = "499",
            ["line_items[1][price_data][product_data][name]"] = "Programme",
            ["line_items[1][quantity]"] = "1",
            ["client_reference_id"] = reservationId,
            ["metadata[reservationId]"] = reservationId,
            ["metadata[customerId]"] = request.CustomerId,
            ["payment_intent_data[metadata][reservationId]"] = reservationId,
            ["expires_at"] = request.ExpiresAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["success_url"] = "https://shop.example/paid",
            ["cancel_url"] = "https://shop.example/cancelled",
        });
        session.Id.Should().StartWith("cs_test_");
        session.Url.Should().Be(new Uri($"https://checkout.stripe.com/c/pay/{session.Id}"));
        session.ExpiresAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(request.ExpiresAt.ToUnixTimeSeconds()));
    }

    [Fact]
    public async Task CreateCheckout_RepeatedWithTheSameKey_AnswersTheSameSession()
    {
        await using var stub = await StripeStub.StartAsync();
        using var provider = ProviderFor(stub);
        var request = Checkout();

        var first = await provider.CreateCheckoutAsync(request, TestContext.Current.CancellationToken);
        var again = await provider.CreateCheckoutAsync(request, TestContext.Current.CancellationToken);
        var other = await provider.CreateCheckoutAsync(request with { IdempotencyKey = $"checkout:{Guid.NewGuid()}" },
            TestContext.Current.CancellationToken);

        again.Should().Be(first);
        other.Id.Should().NotBe(first.Id);
    }

    [Fact]
    public async Task CreateCheckout_WhenStripeAnswers500Once_IsRetriedWithTheSameKeyAndSucceeds()
    {
        await using var stub = await StripeStub.StartAsync();
        using var provider = ProviderFor(stub);
        stub.FailNext(1, StripeFault.ServerError);
        var request = Checkout();

        var session = await provider.CreateCheckoutAsync(request, TestContext.Current.CancellationToken);

        session.Id.Should().StartWith("cs_test_");
        stub.Calls.Select(c => c.IdempotencyKey).Should().Equal(request.IdempotencyKey, request.IdempotencyKey);
    }

    [Fact]
    public async Task CreateCheckout_WhenStripeKeepsAnswering500_IsUnavailableAfterTwoRetries()
    {
        await using var stub = await StripeStub.StartAsync();
        using var provider = ProviderFor(stub);
        stub.FailNext(3, StripeFault.ServerError);

        var failure = await FailureOf(() => provider.CreateCheckoutAsync(Checkout(), TestContext.Current.CancellationToken));

        failure.Failure.Should().Be(PaymentFailure.Unavailable);
        failure.Message.Should().Contain("500").And.Contain("An unknown error occurred.");
        stub.Calls.Should().HaveCount(3);
    }

    [Fact]
    public async Task Refund_WhenTheCardIsDeclined_IsDeclined_AndNotRetried()
    {
        await using var stub = await StripeStub.StartAsync();
        using var provider = ProviderFor(stub);
        stub.FailNext(1, StripeFault.CardDeclined);

        var failure = await FailureOf(() => provider.RefundAsync(new RefundRequest("pi_test_1", "refund:1"), TestContext.Current.CancellationToken));

        failure.Failure.Should().Be(PaymentFailure.Declined);
        failure.Message.Should().Contain("card_declined").And.Contain("Your card was declined.");
        stub.Calls.Should().ContainSingle();
    }

    [Fact]
    public async Task CreateCheckout_WhenStripeRejectsTheRequest_IsRejectedWithStripesCodeAndMessage_NeverTheKey()
    {
        await using var stub = await StripeStub.StartAsync();
        using var provider = ProviderFor(stub);
        stub.FailNext(1, StripeFault.InvalidRequest with { Message = $"Invalid integer: abc (key {SecretKey})." });

        var failure = await FailureOf(() => provider.CreateCheckoutAsync(Checkout(), TestContext.Current.CancellationToken));

        failure.Failure.Should().Be(PaymentFailure.Rejected);
        failure.Message.Should().Contain("parameter_invalid_integer").And.Contain("Invalid integer: abc").And.NotContain(SecretKey);
        stub.Calls.Should().ContainSingle("a 400 is not retried");
    }

    [Fact]
    public async Task CreateCheckout_WhenStripeLimitsTheRate_IsUnavailable_NotRejected()
    {
        await using var stub = await StripeStub.StartAsync();
        using var provider = ProviderFor(stub);
        stub.FailNext(1, new StripeFault(429, "invalid_request_error", "rate_limit", "Too many requests made to the API too quickly."));

        var failure = await FailureOf(() => provider.CreateCheckoutAsync(Checkout(), TestContext.Current.CancellationToken));

        failure.Failure.Should().Be(PaymentFailure.Unavailable);
        failure.Message.Should().Contain("rate_limit");
    }

    [Fact]
    public async Task CreateCheckout_WhenStripeStalls_IsUnavailableOnceEveryTryTimedOut()
    {
        await using var stub = await StripeStub.StartAsync();
        var timeout = TimeSpan.FromSeconds(1);
        using var provider = ProviderFor(stub, timeout);
        stub.FailNext(3, StripeFault.Stall);
        var started = Stopwatch.GetTimestamp();

        var failure = await FailureOf(() => provider.CreateCheckoutAsync(Checkout(), TestContext.Current.CancellationToken));

        failure.Failure.Should().Be(PaymentFailure.Unavailable);
        stub.Calls.Should().HaveCount(3);
        // Three tries of a second each and two pauses of at most a second between them.
        Stopwatch.GetElapsedTime(started).Should().BeLessThan(3 * timeout + TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task CreateCheckout_WhenTheCallerCancels_IsCancelled_NotAProviderFailure()
    {
        await using var stub = await StripeStub.StartAsync();
        using var provider = ProviderFor(stub);
        stub.FailNext(1, StripeFault.Stall);
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        caller.CancelAfter(TimeSpan.FromMilliseconds(300));

        var call = () => provider.CreateCheckoutAsync(Checkout(), caller.Token);

        await call.Should().ThrowAsync<OperationCanceledException>();
        stub.Calls.Should().ContainSingle();
    }

    [Fact]
    public async Task Refund_SendsThePaymentIntentAndTheKey_AndReturnsTheRefund()
    {
        await using var stub = await StripeStub.StartAsync();
        using var provider = ProviderFor(stub);

        var refund = await provider.RefundAsync(new RefundRequest("pi_test_42", "refund:42"), TestContext.Current.CancellationToken);

        refund.Id.Should().StartWith("re_");
        refund.Status.Should().Be("succeeded");
        var call = stub.Calls.Should().ContainSingle().Subject;
        call.Should().BeEquivalentTo(new { Path = "/v1/refunds", IdempotencyKey = "refund:42" });
        call.Form.Should().Contain("payment_intent", "pi_test_42");
    }

    [Fact]
    public async Task CreateCheckout_WithoutASecretKey_IsRejectedWithoutCallingStripe()
    {
        await using var stub = await StripeStub.StartAsync();
        using var provider = new StripePaymentProvider(new PaymentsOptions.StripeSettings { ApiBase = stub.ApiBase }, Timeout);

        var failure = await FailureOf(() => provider.CreateCheckoutAsync(Checkout(), TestContext.Current.CancellationToken));

        failure.Failure.Should().Be(PaymentFailure.Rejected);
        stub.Calls.Should().BeEmpty();
    }

    private static StripePaymentProvider ProviderFor(StripeStub stub, TimeSpan? timeout = null) =>
        new(new PaymentsOptions.StripeSettings { SecretKey = SecretKey, WebhookSecret = "whsec_test", ApiBase = stub.ApiBase }, timeout ?? Timeout);

    private static CheckoutRequest Checkout()
    {
        var reservationId = Guid.NewGuid();
        return new CheckoutRequest(
            reservationId,
            $"customer-{Guid.NewGuid():N}",
            [new CheckoutLine("Concert ticket", 1250, 2), new CheckoutLine("Programme", 499, 1)],
            "usd",
            DateTimeOffset.UtcNow.AddMinutes(31),
            new Uri("https://shop.example/paid"),
            new Uri("https://shop.example/cancelled"),
            $"checkout:{reservationId}");
    }

    private static async Task<PaymentProviderException> FailureOf(Func<Task> call) =>
        (await call.Should().ThrowAsync<PaymentProviderException>()).Which;
}
