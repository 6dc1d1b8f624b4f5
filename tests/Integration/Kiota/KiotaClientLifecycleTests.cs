using Reservations.IntegrationTests.Fixtures;
using Reservations.IntegrationTests.Kiota.Client;
using Reservations.IntegrationTests.Kiota.Client.Models;

namespace Reservations.IntegrationTests.Kiota;

/// <summary>A client that knows the API only from its OpenAPI document drives a sale from the product to the order.</summary>
public sealed class KiotaClientLifecycleTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    [Fact]
    public async Task GeneratedClient_CreatesASaleReservesIsRefusedWithTypedProblemsPurchasesAndReadsTheOrder()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = api.CreateKiotaClient(Tokens.Admin());
        var alice = api.CreateKiotaClient(Tokens.Customer("kiota-alice"));
        var bob = api.CreateKiotaClient(Tokens.Customer("kiota-bob"));

        var opensAt = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60);
        var product = await admin.Api.Products.PostAsync(
            new CreateProductCommand
            {
                Sku = ProductRequests.NewSku(), Name = "Concert ticket", Price = 49.9, Stock = 3, MaxPerCustomer = 2,
                SalesOpenAt = opensAt, SalesCloseAt = opensAt.AddHours(1),
            },
            cancellationToken: ct);
        product!.SalesOpenAt.Should().Be(opensAt);
        var hold = await alice.Api.Reservations.PostAsync(new ReserveItemRequest { ProductId = product.Id, Quantity = 2 }, cancellationToken: ct);
        hold!.Status.Should().Be(HoldStatus.Held);

        var overLimit = await RefusedAsync(alice, new ReserveItemRequest { ProductId = product.Id, Quantity = 1 });
        overLimit.Type.Should().Be("https://reservations.dev/problems/limit-exceeded");
        overLimit.AdditionalData.Should().Contain("limit", 2m);
        var outOfStock = await RefusedAsync(bob, new ReserveItemRequest { ProductId = product.Id, Quantity = 2 });
        outOfStock.Type.Should().Be("https://reservations.dev/problems/out-of-stock");
        outOfStock.AdditionalData.Should().Contain("available", 1m);

        var purchased = await alice.Api.Reservations[hold.Id!.Value].Purchase.PostAsync(cancellationToken: ct);
        purchased!.Status.Should().Be(HoldStatus.Purchased);

        var order = await PersistedOrderAsync(alice, hold.Id.Value);
        order.Should().BeEquivalentTo(new { hold.Id, ProductId = product.Id, CustomerId = "kiota-alice", Quantity = 2, UnitPrice = 49.9, Total = 99.8 });
    }

    /// <summary>The 409 the document declares, read by the client as its typed problem.</summary>
    private static async Task<ProblemDetails> RefusedAsync(ReservationsClient customer, ReserveItemRequest request)
    {
        var refusal = await FluentActions.Awaiting(() => customer.Api.Reservations.PostAsync(request, cancellationToken: TestContext.Current.CancellationToken))
            .Should().ThrowAsync<ProblemDetails>();
        refusal.Which.ResponseStatusCode.Should().Be(409);
        refusal.Which.Status.Should().Be(409);
        refusal.Which.TraceId.Should().NotBeNullOrEmpty();
        return refusal.Which;
    }

    /// <summary>The order, once the Worker has persisted the purchase (404 order-not-found until then).</summary>
    private async Task<OrderResponse> PersistedOrderAsync(ReservationsClient customer, Guid reservationId)
    {
        OrderResponse? order = null;
        var worker = await TestWorker.StartAsync(api);
        try
        {
            await Eventually.TrueAsync(
                async () =>
                {
                    try
                    {
                        order = await customer.Api.Orders[reservationId].GetAsync(cancellationToken: TestContext.Current.CancellationToken);
                        return true;
                    }
                    catch (ProblemDetails problem) when (problem.Type == "https://reservations.dev/problems/order-not-found")
                    {
                        return false;
                    }
                },
                TimeSpan.FromSeconds(10));
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }

        return order!;
    }
}
