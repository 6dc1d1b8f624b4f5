using System.Net;
using System.Net.Http.Json;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.Payments;

/// <summary>Without Stripe keys, payments are off and say so: checkout 503 payments-disabled, the webhook 404.</summary>
public sealed class PaymentsDisabledTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    [Fact]
    public async Task WithoutKeys_CheckoutIs503PaymentsDisabled_AndTheWebhookIs404()
    {
        var alice = api.CreateClient(Tokens.Customer("alice"));
        var hold = await alice.ReserveOkAsync((await api.CreateProductAsync(stock: 5)).Id);

        var checkout = await alice.PostAsJsonAsync($"/api/reservations/{hold.Id}/checkout",
            new { successUrl = "https://shop.example/paid", cancelUrl = "https://shop.example/cart" }, TestContext.Current.CancellationToken);
        var webhook = await api.CreateClient().PostAsync(new Uri("/api/payments/stripe/webhook", UriKind.Relative),
            new StringContent("{}"), TestContext.Current.CancellationToken);

        await checkout.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "payments-disabled");
        webhook.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
