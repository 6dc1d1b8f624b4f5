using Reservations.WebApi.Problems;

namespace Reservations.UnitTests.WebApi.Problems;

public class ProblemCodesTests
{
    [Theory]
    [InlineData("product-not-found", "Product not found")]
    [InlineData("out-of-stock", "Out of stock")]
    [InlineData("validation", "Validation")]
    public void TitleOf_WhenCode_CapitalizesAndSpacesIt(string code, string title) => ProblemCodes.TitleOf(code).Should().Be(title);

    [Fact]
    public void TypeOf_WhenCode_AppendsItToTheProblemsUri() =>
        ProblemCodes.TypeOf("out-of-stock").Should().Be("https://reservations.dev/problems/out-of-stock");

    [Theory]
    [InlineData(401, "unauthorized")]
    [InlineData(403, "forbidden")]
    [InlineData(404, "not-found")]
    [InlineData(413, "payload-too-large")]
    [InlineData(415, "unsupported-media-type")]
    [InlineData(429, "rate-limited")]
    [InlineData(503, "service-unavailable")]
    [InlineData(500, "internal-error")]
    [InlineData(502, "internal-error")]
    [InlineData(418, "error")]
    public void ForStatus_WhenFrameworkStatus_GivesItsCode(int status, string code) => ProblemCodes.ForStatus(status).Should().Be(code);
}
