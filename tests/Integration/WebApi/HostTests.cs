using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Common.Ports;
using Reservations.Application.Holds;
using Reservations.Application.Products;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.WebApi;

public sealed class HostTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    private readonly HttpClient _client = api.CreateClient(token: null);

    [Fact]
    public async Task HealthLive_Returns200()
    {
        var response = await GetAsync("/health/live");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task HealthReady_WithPostgresAndRedisUp_Returns200WithBothChecks()
    {
        var response = await GetAsync("/health/ready");

        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        response.StatusCode.Should().Be(HttpStatusCode.OK, report.ToString());
        report.GetProperty("checks").GetProperty("postgres").GetProperty("status").GetString().Should().Be("Healthy");
        report.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString().Should().Be("Healthy");
    }

    [Fact]
    public void GatePorts_AreOneGateInstance_SoItsReserveBatchersAreNotDuplicated()
    {
        var holds = api.Services.GetRequiredService<IHoldGate>();

        api.Services.GetRequiredService<IStockGate>().Should().BeSameAs(holds);
        api.Services.GetRequiredService<IHoldExpiry>().Should().BeSameAs(holds);
    }

    [Fact]
    public async Task Metrics_AfterAReserve_ServesItsOutcomeAndTheRequestDurationsToPrometheus()
    {
        var product = await api.CreateProductAsync(stock: 1);
        await api.CreateClient(Tokens.Customer("metrics")).ReserveOkAsync(product.Id);

        var scrape = await _client.ScrapeUntilAsync("use_case=\"ReserveItemCommand\"");

        scrape.Should().MatchRegex("""reservations_use_case_outcomes_total\{[^}]*outcome="ok"[^}]*use_case="ReserveItemCommand"[^}]*\} [1-9]""");
        scrape.Should().Contain("http_server_request_duration_seconds_bucket");
    }

    [Fact]
    public async Task OpenApiDocument_IsOpenApi31WithBearerSchemeOnAdminRoutes()
    {
        var response = await GetAsync("/openapi/v1.json");

        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        document.GetProperty("openapi").GetString().Should().StartWith("3.1");
        document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString().Should().Be("bearer");
        var create = document.GetProperty("paths").GetProperty("/api/products").GetProperty("post");
        create.GetProperty("security").GetArrayLength().Should().Be(1);
        create.GetProperty("security")[0].TryGetProperty("Bearer", out _).Should().BeTrue();
        document.GetProperty("paths").GetProperty("/api/products").GetProperty("get").TryGetProperty("security", out _).Should().BeFalse();
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheProductEditAsAMergePatch_AndItsAudit()
    {
        var response = await GetAsync("/openapi/v1.json");

        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("paths");
        var patch = paths.GetProperty("/api/products/{id}").GetProperty("patch");
        patch.GetProperty("summary").GetString().Should().NotBeNullOrEmpty();
        patch.GetProperty("security").GetArrayLength().Should().Be(1);
        var body = patch.GetProperty("requestBody").GetProperty("content").GetProperty("application/merge-patch+json").GetProperty("schema");
        body.GetRawText().Should().Contain("ProductPatchDocument");
        patch.GetProperty("responses").EnumerateObject().Select(r => r.Name).Should().Contain(["200", "400", "404", "415", "503"]);
        patch.GetProperty("responses").GetProperty("404").GetProperty("content").TryGetProperty("application/problem+json", out _).Should().BeTrue();
        var changes = paths.GetProperty("/api/products/{id}/changes").GetProperty("get");
        changes.GetProperty("summary").GetString().Should().NotBeNullOrEmpty();
        changes.GetProperty("responses").EnumerateObject().Select(r => r.Name).Should().Contain(["200", "400", "404"]);
    }

    [Fact]
    public async Task ScalarExplorer_Returns200Html()
    {
        var response = await GetAsync("/scalar/v1");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.Should().Be("text/html");
    }

    [Fact]
    public async Task UnknownRoute_Returns404Problem()
    {
        var response = await GetAsync("/api/nothing-here");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    private Task<HttpResponseMessage> GetAsync(string path) =>
        _client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
}
