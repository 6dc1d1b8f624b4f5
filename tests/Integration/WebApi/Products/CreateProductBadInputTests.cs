using System.Net;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.WebApi.Products;

public sealed class CreateProductBadInputTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    private readonly HttpClient _admin = api.CreateClient(Tokens.Admin());

    [Theory]
    [InlineData("""{"sku":"","name":"n","price":1,"stock":1}""", "sku")]
    [InlineData("""{"sku":"has space","name":"n","price":1,"stock":1}""", "sku")]
    [InlineData("""{"sku":"OK-1","name":"","price":1,"stock":1}""", "name")]
    [InlineData("""{"sku":"OK-1","name":"a\u0000b","price":1,"stock":1}""", "name")]
    [InlineData("""{"sku":"OK-1","name":"n","price":-0.01,"stock":1}""", "price")]
    [InlineData("""{"sku":"OK-1","name":"n","price":1.001,"stock":1}""", "price")]
    [InlineData("""{"sku":"OK-1","name":"n","price":1,"stock":-1}""", "stock")]
    [InlineData("""{"sku":"OK-1","name":"n","price":1,"stock":1,"maxPerCustomer":0}""", "maxPerCustomer")]
    [InlineData("""{"sku":"OK-1","name":"n","price":1,"stock":1,"holdSeconds":0}""", "holdSeconds")]
    [InlineData("""{"sku":"OK-1","name":"n","price":1,"stock":1,"holdSeconds":86401}""", "holdSeconds")]
    [InlineData("""{"sku":"OK-1","name":"n","price":1,"stock":1,"holdSeconds":90,"maxHoldSeconds":89}""", "maxHoldSeconds")]
    [InlineData("""{"sku":"OK-1","name":"n","price":1,"stock":1,"maxHoldSeconds":599}""", "maxHoldSeconds")]
    [InlineData("""{"sku":"OK-1","name":"n","price":1,"stock":1,"holdSeconds":90,"maxHoldSeconds":86401}""", "maxHoldSeconds")]
    [InlineData("""{"sku":"OK-1","name":"n","price":1,"stock":1,"salesOpenAt":"2026-12-07T10:00:00"}""", "$.salesOpenAt")]
    [InlineData("""{"sku":"OK-1","name":"n","price":1,"stock":1,"salesOpenAt":"9999-12-31T00:00:00Z"}""", "salesOpenAt")]
    [InlineData("""{"sku":"OK-1","name":"n","price":1,"stock":1,"saleId":""}""", "saleId")]
    [InlineData("""{"sku":"OK-1","name":"n","price":1,"stock":1,"saleId":"tour 2026"}""", "saleId")]
    [InlineData("""{"sku":"OK-1","name":"n","price":1,"stock":1,"saleId":"tour{s1}"}""", "saleId")]
    [InlineData("""{"sku":"OK-1","name":"n","price":1,"stock":1,"saleId":"s12345678901234567890123456789012345678901234567890123456789012345"}""", "saleId")]
    [InlineData("""{"sku":"OK-1","name":"n","price":1,"stock":1,"saleId":7}""", "$.saleId")]
    [InlineData("""{"sku":"OK-1","name":"n","price":1,"stock":"5"}""", "$.stock")]
    [InlineData("""{"sku":"OK-1","name":"n","price":1,"stock":1.5}""", "$.stock")]
    [InlineData("""{"sku":"OK-1","name":"n","price":1,"stock":null}""", "$.stock")]
    [InlineData("""{"sku":"OK-1","name":"n","price":1,"stock":true}""", "$.stock")]
    [InlineData("""{"sku":"OK-1","name":null,"price":1,"stock":1}""", "$.name")]
    [InlineData("""{"sku":"OK-1","name":"n","price":1,"stock":1,"stock":2}""", "$.stock")]
    [InlineData("""{"sku":"OK-1","name":"n","price":1}""", "$")]
    [InlineData("""{"sku":"OK-1",""", "$")]
    [InlineData("""[1,2,3]""", "$")]
    public async Task CreateProduct_WithInvalidBody_Returns400WithFieldError(string body, string field)
    {
        var response = await _admin.PostRawJsonAsync("/api/products", body);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation");
        problem.GetProperty("errors").TryGetProperty(field, out var messages).Should().BeTrue(problem.ToString());
        messages.GetArrayLength().Should().BePositive();
    }

    // What the body refused says comes from the exception's shape and the endpoint's body type, not from its message.
    [Theory]
    [InlineData("""{"sku":"OK-1","name":"n","price":1}""", "$", "Required properties are missing; the required ones are 'sku', 'name', 'price', 'stock'.")]
    [InlineData("""{"sku":"OK-1","name":"n","price":1,"stock":1,"stock":2}""", "$.stock", "A property appears more than once.")]
    [InlineData("""{"sku":"OK-1","name":null,"price":1,"stock":1}""", "$.name", "The value must not be null.")]
    [InlineData("""{"sku":"OK-1","name":"n","price":1,"stock":"5"}""", "$.stock", "The value is null or of the wrong type.")]
    [InlineData("""{"sku":"OK-1",""", "$", "The body is not valid JSON.")]
    public async Task CreateProduct_WithABodyTheSerializerRefuses_SaysWhatIsWrongInTheClientsTerms(string body, string field, string message)
    {
        var response = await _admin.PostRawJsonAsync("/api/products", body);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation");
        problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()).Should().Equal(message);
    }

    [Fact]
    public async Task CreateProduct_WithBodyOver16KiB_Returns413()
    {
        var body = $$"""{"sku":"OK-1","name":"{{new string('x', 17 * 1024)}}","price":1,"stock":1}""";

        var response = await _admin.PostRawJsonAsync("/api/products", body);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    [Fact]
    public async Task CreateProduct_WithNonJsonContentType_Returns415()
    {
        var content = new StringContent("""{"sku":"OK-1","name":"n","price":1,"stock":1}""", System.Text.Encoding.UTF8, "text/plain");

        var response = await _admin.PostAsync("/api/products", content, TestContext.Current.CancellationToken);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Fact]
    public async Task CreateProduct_WithInvalidBody_StoresNothing()
    {
        var sku = ProductRequests.NewSku();
        await _admin.PostRawJsonAsync("/api/products", $$"""{"sku":"{{sku}}","name":"n","price":-1,"stock":1}""");

        var retry = await _admin.PostRawJsonAsync("/api/products", $$"""{"sku":"{{sku}}","name":"n","price":1,"stock":1}""");

        retry.StatusCode.Should().Be(HttpStatusCode.Created);
    }
}
