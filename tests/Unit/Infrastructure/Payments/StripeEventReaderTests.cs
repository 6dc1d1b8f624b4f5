using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Reservations.Application.Payments;
using Reservations.Infrastructure.Payments;
using Reservations.UnitTests.Application.Common;
using static Reservations.UnitTests.Infrastructure.Payments.StripeWebhookPayloads;

namespace Reservations.UnitTests.Infrastructure.Payments;

public class StripeEventReaderTests
{
    private const string Secret = "whsec_test_reader";
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid HoldId = Guid.NewGuid();

    private readonly StripeEventReader _reader = new(
        Options.Create(new PaymentsOptions { Stripe = { SecretKey = "sk_test_reader", WebhookSecret = Secret } }), new FixedTimeProvider(Now));

    [Fact]
    public void Read_ACompletedPaidCheckout_ReadsTheSessionPaymentAndHold()
    {
        var payload = SessionEvent("evt_1", "checkout.session.completed", Session("cs_test_1", WithReservation(HoldId.ToString())));

        var read = _reader.Read(payload, Sign(payload, Secret, Now));

        read.Should().Be(new PaymentEvent("evt_1", PaymentEventType.CheckoutCompleted, "checkout.session.completed", "cs_test_1",
            HoldId, "pi_test_7", Paid: true, AmountTotal: 2999, Currency: "eur"));
    }

    [Fact]
    public void Read_AnExpiredCheckout_IsCheckoutExpired_AndUnpaid()
    {
        var payload = SessionEvent("evt_2", "checkout.session.expired", Session("cs_test_2", WithReservation(HoldId.ToString()), paymentStatus: "unpaid"));

        var read = _reader.Read(payload, Sign(payload, Secret, Now));

        read.Should().BeEquivalentTo(new { Id = "evt_2", Type = PaymentEventType.CheckoutExpired, SessionId = "cs_test_2", HoldId, Paid = false });
    }

    [Theory]
    [InlineData("checkout.session.async_payment_succeeded")]
    [InlineData("charge.refunded")]
    public void Read_AnyOtherEventType_IsOther_WithItsRawType(string type)
    {
        var payload = SessionEvent("evt_3", type, Session("cs_test_3", WithReservation(HoldId.ToString())));

        var read = _reader.Read(payload, Sign(payload, Secret, Now));

        read.Should().BeEquivalentTo(new { Id = "evt_3", Type = PaymentEventType.Other, RawType = type });
    }

    [Fact]
    public void Read_ASessionWithoutTheMetadata_TakesTheHoldFromClientReferenceId()
    {
        var payload = SessionEvent("evt_4", "checkout.session.completed", Session("cs_test_4", [], clientReferenceId: HoldId.ToString()));

        _reader.Read(payload, Sign(payload, Secret, Now))!.HoldId.Should().Be(HoldId);
    }

    [Fact]
    public void Read_AReservationIdThatIsNotAGuid_ReadsNoHold()
    {
        var payload = SessionEvent("evt_5", "checkout.session.completed", Session("cs_test_5", WithReservation("not-a-guid")));

        var read = _reader.Read(payload, Sign(payload, Secret, Now));

        read.Should().BeEquivalentTo(new { SessionId = "cs_test_5", HoldId = (Guid?)null });
    }

    [Theory]
    [InlineData("2020-08-27")]
    [InlineData("2024-06-20")]
    [InlineData("2026-11-17.clover")]
    public void Read_AnEventOfAnyApiVersion_IsRead(string apiVersion)
    {
        var payload = SessionEvent("evt_6", "checkout.session.completed", Session("cs_test_6", WithReservation(HoldId.ToString())), apiVersion);

        _reader.Read(payload, Sign(payload, Secret, Now)).Should().BeEquivalentTo(new { SessionId = "cs_test_6", HoldId });
    }

    [Fact]
    public void Read_AnEventSignedFiveMinutesAgo_IsStillRead()
    {
        var payload = SessionEvent("evt_7", "checkout.session.completed", Session("cs_test_7", WithReservation(HoldId.ToString())));

        _reader.Read(payload, Sign(payload, Secret, Now.AddSeconds(-300))).Should().NotBeNull();
    }

    public static TheoryData<string, string, string?> Refused()
    {
        var payload = SessionEvent("evt_8", "checkout.session.completed", Session("cs_test_8", WithReservation(HoldId.ToString())));
        return new()
        {
            { "a tampered body", payload.Replace("2999", "1", StringComparison.Ordinal), Sign(payload, Secret, Now) },
            { "another endpoint's secret", payload, Sign(payload, "whsec_someone_else", Now) },
            { "a signature older than five minutes", payload, Sign(payload, Secret, Now.AddSeconds(-301)) },
            { "a signature from the future", payload, Sign(payload, Secret, Now.AddSeconds(301)) },
            { "no header", payload, null },
            { "an empty header", payload, "" },
            { "a header that is not a signature", payload, "nonsense" },
            { "a signed body that is not JSON", "garbage", Sign("garbage", Secret, Now) },
            { "a signed JSON array", "[1,2]", Sign("[1,2]", Secret, Now) },
            { "signed null", "null", Sign("null", Secret, Now) },
            { "a signed object that is no event", """{"hello":"world"}""", Sign("""{"hello":"world"}""", Secret, Now) },
        };
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Read_WhatStripeDidNotSign_IsNull(string why, string payload, string? signature) =>
        _reader.Read(payload, signature).Should().BeNull(why);

    [Fact]
    public void Read_WithoutAWebhookSecret_IsNull()
    {
        var reader = new StripeEventReader(Options.Create(new PaymentsOptions()), new FixedTimeProvider(Now));
        var payload = SessionEvent("evt_9", "checkout.session.completed", Session("cs_test_9", WithReservation(HoldId.ToString())));

        reader.Read(payload, Sign(payload, "", Now)).Should().BeNull();
    }

    private static JsonObject WithReservation(string reservationId) => new() { ["reservationId"] = reservationId };
}
