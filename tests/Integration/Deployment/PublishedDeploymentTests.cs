using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Npgsql;
using Reservations.Application.Holds;
using Reservations.Application.Products;
using Reservations.Application.Products.Ledger;
using Reservations.Application.Purchases;
using Reservations.IntegrationTests.Fixtures;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.Deployment;

/// <summary>
/// The published WebApi and Worker run with exactly the environment docker-compose.yml gives their containers, parsed
/// from the file. Three things are mapped to this machine: the store hosts (postgres, redis) to the local servers, an
/// empty database of the test's own (so the migrate step has everything to create), and a key prefix of its own.
/// </summary>
public sealed class PublishedDeploymentTests(PublishedApps apps) : IClassFixture<PublishedApps>
{
    private const string ApiDll = "Reservations.WebApi.dll";
    private const string WorkerDll = "Reservations.Worker.dll";
    private static readonly string SigningKey = Convert.ToBase64String(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray());

    [Fact]
    public async Task MigrateStep_ThenApiAndWorker_BecomeReadyAndPersistAPurchase()
    {
        var compose = await ComposeFile.LoadAsync(new Dictionary<string, string> { ["RESERVATIONS_SIGNING_KEY"] = SigningKey });
        var (postgres, redis) = await TestServices.GetAsync();
        var database = await TestDatabase.CreateAsync(postgres);
        var keyPrefix = TestRedis.NewKeyPrefix();
        try
        {
            Dictionary<string, string> Environment(string service) => ForThisMachine(compose.Environment(service), database, redis, keyPrefix);

            using (var migrate = PublishedProcess.Start(apps.ApiDirectory, ApiDll, Environment("migrate"), [.. compose.Command("migrate")]))
            {
                (await migrate.ExitCodeAsync(TimeSpan.FromMinutes(2))).Should().Be(0, migrate.Output);
            }

            (await TablesAsync(database)).Should().Contain(["products", "purchases"], "the migrate step created the schema");

            // What the image adds: Kestrel on ASPNETCORE_HTTP_PORTS; here a free loopback port instead of 8080.
            var port = FreeLoopbackPort();
            var apiEnvironment = new Dictionary<string, string>(Environment("api"))
            {
                ["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            };
            using var worker = PublishedProcess.Start(apps.WorkerDirectory, WorkerDll, Environment("worker"));
            using var api = PublishedProcess.Start(apps.ApiDirectory, ApiDll, apiEnvironment);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await Eventually.TrueAsync(() => IsReadyAsync(http, api), TimeSpan.FromSeconds(60));
            using (var probe = PublishedProcess.Start(apps.ApiDirectory, ApiDll, apiEnvironment, "healthcheck"))
            {
                (await probe.ExitCodeAsync(TimeSpan.FromSeconds(30))).Should().Be(0, $"the image's HEALTHCHECK runs it: {probe.Output}");
            }

            var product = await (await Send(http, HttpMethod.Post, "/api/products", Admin(), ProductRequests.Valid(stock: 5)))
                .ShouldBeJsonAsync<ProductResponse>(HttpStatusCode.Created);
            var customer = Tokens.Create("deployed-customer", key: SigningKey);
            var hold = await (await Send(http, HttpMethod.Post, "/api/reservations", customer, new { productId = product.Id, quantity = 2 }))
                .ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.Created);
            (await Send(http, HttpMethod.Post, $"/api/reservations/{hold.Id}/purchase", customer)).StatusCode.Should().Be(HttpStatusCode.OK);

            await Eventually.TrueAsync(
                async () => (await Send(http, HttpMethod.Get, $"/api/orders/{hold.Id}", customer)).StatusCode == HttpStatusCode.OK,
                TimeSpan.FromSeconds(30));
            var order = await (await Send(http, HttpMethod.Get, $"/api/orders/{hold.Id}", customer)).ShouldBeJsonAsync<OrderResponse>(HttpStatusCode.OK);
            order.Should().BeEquivalentTo(new { hold.Id, ProductId = product.Id, CustomerId = "deployed-customer", Quantity = 2 });
            var ledger = await (await Send(http, HttpMethod.Get, $"/api/products/{product.Id}/ledger", Admin()))
                .ShouldBeJsonAsync<LedgerResponse>(HttpStatusCode.OK);
            ledger.Should().BeEquivalentTo(new { TotalStock = 5, Available = 3, Sold = 2, Held = 0, Purchasing = 0, Balanced = true });
            worker.HasExited.Should().BeFalse(worker.Output);
        }
        finally
        {
            await using (var connection = await ConnectionMultiplexer.ConnectAsync(redis))
            {
                await TestRedis.DeleteKeysAsync(connection, keyPrefix);
            }

            await TestDatabase.DropAsync(database);
        }
    }

    private static string Admin() => Tokens.Create("deployment-admin", roles: ["admin"], key: SigningKey);

    // The compose service's environment with its store hosts pointing at this machine's servers.
    private static Dictionary<string, string> ForThisMachine(
        IReadOnlyDictionary<string, string> service, string database, string redis, string keyPrefix)
    {
        var environment = new Dictionary<string, string>(service);
        var local = new NpgsqlConnectionStringBuilder(database);
        environment["ConnectionStrings__Postgres"] = new NpgsqlConnectionStringBuilder(service["ConnectionStrings__Postgres"])
        {
            Host = local.Host,
            Port = local.Port,
            Username = local.Username,
            Password = local.Password,
            Database = local.Database,
        }.ConnectionString;
        var redisOptions = ConfigurationOptions.Parse(service["ConnectionStrings__Redis"]);
        redisOptions.EndPoints.Clear();
        foreach (var endpoint in ConfigurationOptions.Parse(redis).EndPoints)
        {
            redisOptions.EndPoints.Add(endpoint);
        }

        environment["ConnectionStrings__Redis"] = redisOptions.ToString();
        environment["Redis__KeyPrefix"] = keyPrefix;
        return environment;
    }

    private static async Task<bool> IsReadyAsync(HttpClient http, PublishedProcess api)
    {
        if (api.HasExited)
        {
            throw new InvalidOperationException($"The published API exited:\n{api.Output}");
        }

        try
        {
            return (await http.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken)).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static Task<HttpResponseMessage> Send(HttpClient http, HttpMethod method, string path, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path)
        {
            Content = body is null ? null : System.Net.Http.Json.JsonContent.Create(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<List<string>> TablesAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var tables = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
