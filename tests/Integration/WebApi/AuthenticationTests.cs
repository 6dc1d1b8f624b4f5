using System.Net;
using Microsoft.IdentityModel.Tokens;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.WebApi;

public sealed class AuthenticationTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    public static TheoryData<string, string> RejectedTokens => new()
    {
        { "wrong key", Tokens.Create("admin", ["admin"], key: "some-other-key-that-is-long-enough-to-sign-hs256") },
        { "HS512", Tokens.Create("admin", ["admin"], key: Tokens.DevelopmentKey + Tokens.DevelopmentKey, algorithm: SecurityAlgorithms.HmacSha512) },
        { "alg none", Tokens.WithoutSignature("admin") },
        { "wrong issuer", Tokens.Create("admin", ["admin"], issuer: "someone-else") },
        { "wrong audience", Tokens.Create("admin", ["admin"], audience: "another-api") },
        { "expired beyond skew", Tokens.Create("admin", ["admin"], notBefore: DateTime.UtcNow.AddHours(-1), expires: DateTime.UtcNow.AddSeconds(-45)) },
        { "not yet valid", Tokens.Create("admin", ["admin"], notBefore: DateTime.UtcNow.AddMinutes(5), expires: DateTime.UtcNow.AddMinutes(30)) },
        { "no sub", Tokens.Create(null, ["admin"]) },
        { "sub too long", Tokens.Create(new string('a', 129), ["admin"]) },
        { "garbage", "not.a.jwt" },
    };

    [Fact]
    public async Task CreateProduct_WithoutToken_Returns401WithBearerChallenge()
    {
        var response = await api.CreateClient(token: null).PostJsonAsync("/api/products", ProductRequests.Valid());

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        response.Headers.WwwAuthenticate.ToString().Should().StartWith("Bearer");
    }

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task CreateProduct_WithRejectedToken_Returns401(string reason, string token)
    {
        var response = await api.CreateClient(token).PostJsonAsync("/api/products", ProductRequests.Valid());

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, reason);
        response.Headers.WwwAuthenticate.ToString().Should().StartWith("Bearer");
    }

    [Fact]
    public async Task CreateProduct_WithTokenExpiredWithinSkew_IsAccepted()
    {
        var token = Tokens.Create("admin", ["admin"], notBefore: DateTime.UtcNow.AddHours(-1), expires: DateTime.UtcNow.AddSeconds(-10));

        var response = await api.CreateClient(token).PostJsonAsync("/api/products", ProductRequests.Valid());

        response.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task CreateProduct_AsCustomer_Returns403()
    {
        var response = await api.CreateClient(Tokens.Customer("alice")).PostJsonAsync("/api/products", ProductRequests.Valid());

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task DevTokens_InDevelopment_IssueAWorkingAdminToken()
    {
        var anonymous = api.CreateClient(token: null);
        var minted = await (await anonymous.PostJsonAsync("/api/dev/tokens", new { subject = "root", roles = new[] { "admin" } }))
            .ShouldBeJsonAsync<TokenBody>(HttpStatusCode.OK);

        var response = await api.CreateClient(minted.Token).PostJsonAsync("/api/products", ProductRequests.Valid());

        response.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task DevTokens_WithInvalidSubject_Returns400()
    {
        var response = await api.CreateClient(token: null).PostJsonAsync("/api/dev/tokens", new { subject = "" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    private sealed record TokenBody(string Token);
}
