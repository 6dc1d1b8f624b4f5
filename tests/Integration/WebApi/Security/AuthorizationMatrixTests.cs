using System.Net;
using System.Text;
using Reservations.Application.Holds;
using Reservations.Domain.Holds;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.WebApi.Security;

/// <summary>
/// Every protected route against every way in it must refuse: no token, a forged one, an expired one, <c>alg: none</c>,
/// the wrong audience (401 with a Bearer challenge); a customer on an admin route (403); another customer's
/// reservation or order (404, and it is left as it was).
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.World world) : IClassFixture<AuthorizationMatrixTests.World>
{
    private const string Owner = "matrix-owner";

    private static readonly string[] TokenAttacks = ["no token", "forged", "expired", "alg none", "wrong audience"];

    /// <summary>Method, path (with {product}, {reservation}, {order}), body, and who may call it: admin, customer, owner.</summary>
    private static readonly (string Method, string Path, string? Body, string Access)[] Routes =
    [
        ("POST", "/api/products", """{"sku":"MATRIX-1","name":"n","price":1,"stock":1}""", "admin"),
        ("POST", "/api/products/{product}/stock", """{"delta":1}""", "admin"),
        ("GET", "/api/products/{product}/ledger", null, "admin"),
        ("GET", "/api/products/{product}/adjustments", null, "admin"),
        ("GET", "/api/products/{product}/adjustments/0193a0b4-0000-7000-8000-000000000001", null, "admin"),
        ("GET", "/api/admin/dead-letters", null, "admin"),
        ("POST", "/api/admin/dead-letters/{reservation}/retry", null, "admin"),
        ("POST", "/api/admin/webhooks", """{"url":"http://127.0.0.1:9/matrix","events":["order.completed"]}""", "admin"),
        ("GET", "/api/admin/webhooks", null, "admin"),
        ("GET", "/api/admin/webhooks/0193a0b4-0000-7000-8000-000000000002", null, "admin"),
        ("DELETE", "/api/admin/webhooks/0193a0b4-0000-7000-8000-000000000002", null, "admin"),
        ("GET", "/api/admin/webhooks/0193a0b4-0000-7000-8000-000000000002/deliveries", null, "admin"),
        ("POST", "/api/admin/webhooks/0193a0b4-0000-7000-8000-000000000002/deliveries/0193a0b4-0000-7000-8000-000000000003/retry", null, "admin"),
        ("POST", "/api/reservations", """{"productId":"{product}","quantity":1}""", "customer"),
        ("GET", "/api/orders", null, "customer"),
        ("GET", "/api/reservations/{reservation}", null, "owner"),
        ("POST", "/api/reservations/{reservation}/purchase", null, "owner"),
        ("DELETE", "/api/reservations/{reservation}", null, "owner"),
        ("GET", "/api/orders/{order}", null, "owner"),
    ];

    public static TheoryData<string, string, string> Cases()
    {
        var cases = new TheoryData<string, string, string>();
        foreach (var (method, path, _, access) in Routes)
        {
            foreach (var attack in TokenAttacks)
            {
                cases.Add(method, path, attack);
            }

            cases.Add(method, path, access switch
            {
                "admin" => "customer on an admin route",
                "owner" => "another customer's resource",
                _ => "a customer's own call",
            });
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EveryRoute_RefusesEveryWayInThatIsNotItsOwn(string method, string path, string attack)
    {
        var route = Routes.Single(r => r.Method == method && r.Path == path);
        using var request = new HttpRequestMessage(new HttpMethod(method), world.Fill(path));
        if (route.Body is not null)
        {
            request.Content = new StringContent(world.Fill(route.Body), Encoding.UTF8, "application/json");
        }

        var response = await world.Api.CreateClient(TokenFor(attack)).SendAsync(request, TestContext.Current.CancellationToken);

        switch (attack)
        {
            case "customer on an admin route":
                response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
                break;
            case "another customer's resource":
                response.StatusCode.Should().Be(HttpStatusCode.NotFound);
                (await world.OwnersHoldAsync()).Status.Should().Be(HoldStatus.Held, "someone else's call changes nothing");
                break;
            case "a customer's own call":
                response.StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.Created);
                break;
            default:
                response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
                response.Headers.WwwAuthenticate.ToString().Should().StartWith("Bearer");
                break;
        }
    }

    private static string? TokenFor(string attack) => attack switch
    {
        "no token" => null,
        "forged" => Tokens.Create(Owner, ["admin"], key: "an-attackers-own-key-that-is-long-enough-for-hs256"),
        "expired" => Tokens.Create(Owner, ["admin"], notBefore: DateTime.UtcNow.AddHours(-1), expires: DateTime.UtcNow.AddSeconds(-45)),
        "alg none" => Tokens.WithoutSignature(Owner),
        "wrong audience" => Tokens.Create(Owner, ["admin"], audience: "another-api"),
        "customer on an admin route" => Tokens.Customer(Owner),
        "another customer's resource" => Tokens.Customer("matrix-intruder"),
        _ => Tokens.Customer("matrix-customer"),
    };

    /// <summary>A product, a reservation the owner holds, and an order the owner has, shared by every case.</summary>
    public sealed class World : IAsyncLifetime
    {
        private Guid _product;
        private Guid _reservation;
        private Guid _order;

        public ReservationsApiFactory Api { get; } = new();

        public string Fill(string template) => template
            .Replace("{product}", _product.ToString(), StringComparison.Ordinal)
            .Replace("{reservation}", _reservation.ToString(), StringComparison.Ordinal)
            .Replace("{order}", _order.ToString(), StringComparison.Ordinal);

        private HttpClient OwnerClient => Api.CreateClient(Tokens.Customer(Owner));

        public async Task<ReservationResponse> OwnersHoldAsync() =>
            await (await OwnerClient.GetReservationAsync(_reservation)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK);

        public async ValueTask InitializeAsync()
        {
            await Api.InitializeAsync();
            var owner = OwnerClient;
            _product = (await Api.CreateProductAsync(stock: 1_000)).Id;
            _reservation = (await owner.ReserveOkAsync(_product)).Id;
            var bought = await owner.ReserveOkAsync(_product);
            (await owner.PurchaseAsync(bought.Id)).StatusCode.Should().Be(HttpStatusCode.OK);
            _order = bought.Id;
            var worker = await TestWorker.StartAsync(Api);
            try
            {
                await Eventually.TrueAsync(async () => await Api.PurchaseCountAsync(_product) == 1, TimeSpan.FromSeconds(15));
            }
            finally
            {
                await TestWorker.StopAsync(worker);
            }
        }

        public ValueTask DisposeAsync() => Api.DisposeAsync();
    }
}
