using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Reservations.Application.Products.Create;
using Reservations.WebApi;
using Reservations.WebApi.Problems;
using static Reservations.WebApi.Endpoints.PaymentsEndpoints;
using static Reservations.WebApi.Endpoints.ReservationsEndpoints;
using static Reservations.WebApi.Endpoints.WebhooksEndpoints;

namespace Reservations.UnitTests.WebApi.Problems;

/// <summary>Real bodies read as the API reads them: each refusal is told apart without its message.</summary>
public class JsonBodyErrorsTests
{
    private static readonly JsonSerializerOptions Json = StrictJson();

    [Theory]
    [InlineData("""{"sku":"OK-1",""")]
    [InlineData("""{"sku":"OK-1","name":"n","price":1,"stock":1,}""")]
    [InlineData("""{"sku":"OK-1","name":"n","price":1,"stock":nul}""")]
    [InlineData("""{"sku":"OK-1","name":"n","price":1,"stock":1,"salesOpenAt":"2026-12-07T10:00:00"}""")]
    [InlineData(" ")]
    public async Task Describe_WhenTheBodyIsNotJsonOrAConverterRefusesIt_SaysItIsNotValidJson(string body) =>
        (await DescribeAsync<CreateProductCommand>(body)).Should().Be(JsonBodyErrors.NotJson);

    [Theory]
    [InlineData("""{"sku":"OK-1","name":"n","price":1,"stock":"5"}""")]
    [InlineData("""{"sku":"OK-1","name":"n","price":1,"stock":1.5}""")]
    [InlineData("""{"sku":"OK-1","name":"n","price":1,"stock":null}""")]
    [InlineData("""{"sku":"OK-1","name":"n","price":1,"stock":99999999999}""")]
    [InlineData("""[1,2,3]""")]
    public async Task Describe_WhenAValueHasTheWrongType_SaysSo(string body) =>
        (await DescribeAsync<CreateProductCommand>(body)).Should().Be(JsonBodyErrors.WrongType);

    [Fact]
    public async Task Describe_WhenAListIsNotAList_SaysTheValueHasTheWrongType() =>
        (await DescribeAsync<ReserveItemRequest>("""{"items":5}""")).Should().Be(JsonBodyErrors.WrongType);

    [Fact]
    public async Task Describe_WhenANonNullablePropertyIsNull_SaysItMustNotBeNull() =>
        (await DescribeAsync<CreateProductCommand>("""{"sku":"OK-1","name":null,"price":1,"stock":1}""")).Should().Be(JsonBodyErrors.Null);

    [Fact]
    public async Task Describe_WhenANonNullableSettablePropertyIsNull_SaysItMustNotBeNull() =>
        (await DescribeAsync<Settable>("""{"name":null}""")).Should().Be(JsonBodyErrors.Null);

    [Theory]
    [InlineData("""{"successUrl":5}""")]
    [InlineData("""{"successUrl":"http://exa mple.com:99999999/"}""")]
    public async Task Describe_WhenAUriIsNoUri_SaysTheValueHasTheWrongType(string body) =>
        (await DescribeAsync<StartCheckoutRequest>(body)).Should().Be(JsonBodyErrors.WrongType);

    [Fact]
    public async Task Describe_WhenARequiredPropertyOfAnItemIsMissing_NamesThemWhateverTheCaseTheClientWrote() =>
        (await DescribeAsync<ReserveItemRequest>("""{"Items":[{"quantity":1}]}"""))
            .Should().Be("Required properties are missing; the required ones are 'productId', 'quantity'.");

    [Fact]
    public async Task Describe_WhenAPropertyAppearsTwice_SaysSo() =>
        (await DescribeAsync<CreateProductCommand>("""{"sku":"OK-1","name":"n","price":1,"stock":1,"stock":2}"""))
            .Should().Be(JsonBodyErrors.Repeated);

    [Fact]
    public async Task Describe_WhenARequiredPropertyIsMissing_NamesTheRequiredOnes() =>
        (await DescribeAsync<CreateProductCommand>("""{"sku":"OK-1","name":"n","price":1}"""))
            .Should().Be("Required properties are missing; the required ones are 'sku', 'name', 'price', 'stock'.");

    [Fact]
    public async Task Describe_WhenARequiredPropertyOfAnItemIsMissing_NamesTheItemsRequiredOnes() =>
        (await DescribeAsync<ReserveItemRequest>("""{"items":[{"productId":"0198f5a2-7c1e-7a3b-9d4e-5f6a7b8c9d0e","quantity":1},{"quantity":1}]}"""))
            .Should().Be("Required properties are missing; the required ones are 'productId', 'quantity'.");

    [Fact]
    public async Task Describe_WhenARequiredPropertyIsMissingAndTheBodysTypeIsUnknown_SaysSoWithoutNames()
    {
        var e = await ReadAsync<CreateWebhookEndpointRequest>("""{"events":[]}""");

        JsonBodyErrors.Describe(e, body: null).Should().Be(JsonBodyErrors.Missing);
    }

    private sealed class Settable
    {
        public string Name { get; init; } = "";
    }

    private static async Task<string> DescribeAsync<T>(string body) =>
        JsonBodyErrors.Describe(await ReadAsync<T>(body), Json.GetTypeInfo(typeof(T)));

    // As minimal APIs read a body: from a stream, with the API's options.
    private static async Task<JsonException> ReadAsync<T>(string body)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(body));
        var read = async () => await JsonSerializer.DeserializeAsync<T>(stream, Json, TestContext.Current.CancellationToken);
        return (await read.Should().ThrowAsync<JsonException>()).Which;
    }

    private static JsonSerializerOptions StrictJson()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        DependencyInjection.ConfigureStrictJson(json);
        return json;
    }
}
