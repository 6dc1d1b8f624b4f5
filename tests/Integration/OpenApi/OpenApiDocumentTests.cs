using System.Text.Json;
using Reservations.Application.Common.Paging;
using Reservations.Domain.Holds;
using Reservations.Domain.Products;
using Reservations.IntegrationTests.Fixtures;
using Reservations.WebApi.Auth;
using Reservations.WebApi.Problems;

namespace Reservations.IntegrationTests.OpenApi;

/// <summary>What the served document says beyond its routes: problems, limits, names, the token rules.</summary>
public sealed class OpenApiDocumentTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    [Fact]
    public async Task EveryErrorResponse_IsAProblemThatNamesItsTypes()
    {
        var document = await DocumentAsync();

        foreach (var (name, operation) in Operations(document))
        {
            foreach (var response in operation.GetProperty("responses").EnumerateObject().Where(r => int.Parse(r.Name) >= 400))
            {
                var schema = response.Value.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema");
                schema.GetProperty("$ref").GetString().Should().BeOneOf(
                    ["#/components/schemas/ProblemDetails", "#/components/schemas/HttpValidationProblemDetails"], $"{name} {response.Name}");
                response.Value.GetProperty("description").GetString().Should().Contain(ProblemCodes.TypePrefix, $"{name} {response.Name}");
            }
        }
    }

    [Fact]
    public async Task Operations_NameTheProblemsOfTheirUseCaseAndOfTheirPipeline()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");

        var reserve = paths.GetProperty("/api/reservations").GetProperty("post").GetProperty("responses");
        reserve.GetProperty("409").GetProperty("description").GetString().Should()
            .Contain(ProblemCodes.TypeOf("out-of-stock")).And.Contain(ProblemCodes.TypeOf("sale-not-open"));
        reserve.GetProperty("401").GetProperty("description").GetString().Should().Contain(ProblemCodes.TypeOf("unauthorized"));
        reserve.GetProperty("429").GetProperty("headers").GetProperty("Retry-After").GetProperty("required").GetBoolean().Should().BeTrue();
        reserve.GetProperty("503").GetProperty("headers").TryGetProperty("Retry-After", out _).Should().BeTrue();
        reserve.TryGetProperty("403", out _).Should().BeFalse("a customer route has no role to miss");
        paths.GetProperty("/api/admin/webhooks").GetProperty("get").GetProperty("responses").TryGetProperty("403", out _).Should().BeTrue();
        var products = paths.GetProperty("/api/products").GetProperty("get").GetProperty("responses");
        products.TryGetProperty("401", out _).Should().BeFalse("the catalog is anonymous");
        var webhook = paths.GetProperty("/api/payments/stripe/webhook").GetProperty("post");
        webhook.GetProperty("responses").TryGetProperty("429", out _).Should().BeFalse("Stripe's deliveries are not rate limited");
        webhook.GetProperty("security")[0].TryGetProperty("StripeSignature", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Schemas_CarryTheLimitsOfTheValidators()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");

        var line = schemas.GetProperty("ReserveItemLine").GetProperty("properties").GetProperty("quantity");
        line.GetProperty("minimum").GetInt32().Should().Be(Quantity.MinValue);
        line.GetProperty("maximum").GetInt32().Should().Be(Quantity.MaxValue);
        schemas.GetProperty("ReserveItemRequest").GetProperty("properties").GetProperty("items").GetProperty("maxItems").GetInt32()
            .Should().Be(Hold.MaxLines);
        var sku = schemas.GetProperty("CreateProductCommand").GetProperty("properties").GetProperty("sku");
        sku.GetProperty("maxLength").GetInt32().Should().Be(Sku.MaxLength);
        sku.GetProperty("pattern").GetString().Should().Be(Sku.Characters + "$");
        schemas.GetProperty("ExtendReservationRequest").GetProperty("properties").GetProperty("seconds").GetProperty("maximum")
            .GetInt32().Should().Be(HoldDuration.MaxSeconds);
        var pageSize = document.GetProperty("paths").GetProperty("/api/orders").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Single(p => p.GetProperty("name").GetString() == "pageSize").GetProperty("schema");
        pageSize.GetProperty("maximum").GetInt32().Should().Be(PageRequest.MaxPageSize);
        foreach (var priced in new[] { "ReservationResponse", "OrderResponse" })
        {
            // A price, which a whole cart at the highest price and quantity reaches: not a page's count.
            schemas.GetProperty(priced).GetProperty("properties").GetProperty("total").GetProperty("maximum").GetDecimal()
                .Should().Be(Money.MaxValue * Quantity.MaxValue * Hold.MaxLines, priced);
        }
    }

    [Fact]
    public async Task Operations_HaveUniqueCamelCaseIdsSummariesAndDescriptions()
    {
        var operations = Operations(await DocumentAsync()).ToList();

        operations.Select(o => o.Operation.GetProperty("operationId").GetString()).Should().OnlyHaveUniqueItems()
            .And.AllSatisfy(id => char.IsLower(id![0]).Should().BeTrue(id));
        operations.Should().AllSatisfy(o =>
        {
            o.Operation.GetProperty("summary").GetString().Should().NotBeNullOrWhiteSpace(o.Name);
            o.Operation.GetProperty("description").GetString().Should().NotBeNullOrWhiteSpace(o.Name);
            o.Operation.GetProperty("tags").GetArrayLength().Should().Be(1, o.Name);
        });
        operations.Single(o => o.Name == "post /api/reservations").Operation.GetProperty("operationId").GetString().Should().Be("reserveItem");
    }

    [Fact]
    public async Task Document_HasItsLicenseAndContact_AndTheBearerSchemeStatesTheTokenRules()
    {
        var document = await DocumentAsync();

        var info = document.GetProperty("info");
        info.GetProperty("license").GetProperty("identifier").GetString().Should().Be("MIT");
        info.GetProperty("contact").GetProperty("name").GetString().Should().NotBeNullOrWhiteSpace();
        info.GetProperty("description").GetString().Should().Contain(ProblemCodes.TypePrefix);
        document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("description").GetString()
            .Should().Contain("RFC8725").And.Contain("HS256").And.Contain(AuthOptions.Issuer).And.Contain(AuthOptions.Audience)
            .And.Contain($"`{Policies.SubjectClaim}` is the customer id").And.Contain($"`{Policies.RoleClaim}` claim");
    }

    private async Task<JsonElement> DocumentAsync() =>
        JsonDocument.Parse(await api.CreateClient().GetStringAsync(
            new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken)).RootElement;

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(method => Methods.Contains(method.Name))
            .Select(method => ($"{method.Name} {path.Name}", method.Value)));
}
