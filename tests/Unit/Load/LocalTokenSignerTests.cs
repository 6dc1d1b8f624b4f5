using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Reservations.Application;
using Reservations.Infrastructure;
using Reservations.Load.Sale;
using Reservations.WebApi;
using Reservations.WebApi.Auth;

namespace Reservations.UnitTests.Load;

/// <summary>Tokens signed by the simulator, validated with the very parameters the API builds in Development.</summary>
public sealed class LocalTokenSignerTests : IDisposable
{
    private readonly WebApplication _api = DevelopmentApi();

    private string DevelopmentKey => _api.Services.GetRequiredService<IOptions<AuthOptions>>().Value.SigningKey;

    private TokenValidationParameters ApiParameters => _api.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>()
        .Get(JwtBearerDefaults.AuthenticationScheme).TokenValidationParameters;

    [Fact]
    public async Task Sign_WithTheDevelopmentKeyAndTheDefaultIssuerAndAudience_IsAcceptedByTheApi()
    {
        var defaults = new SaleOptions();
        var token = new LocalTokenSigner(DevelopmentKey, defaults.Issuer, defaults.Audience).Sign("bench-7", ["admin"]);

        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(token, ApiParameters);

        validation.IsValid.Should().BeTrue(validation.Exception?.Message);
        validation.ClaimsIdentity.Name.Should().Be("bench-7");
        new ClaimsPrincipal(validation.ClaimsIdentity).IsInRole("admin").Should().BeTrue();
    }

    [Theory]
    [InlineData("another-key-of-at-least-thirty-two-bytes", null, null)]
    [InlineData(null, "someone-else", null)]
    [InlineData(null, null, "another-api")]
    public async Task Sign_WithAnotherKeyIssuerOrAudience_IsRefusedByTheApi(string? key, string? issuer, string? audience)
    {
        var defaults = new SaleOptions();
        var token = new LocalTokenSigner(key ?? DevelopmentKey, issuer ?? defaults.Issuer, audience ?? defaults.Audience).Sign("bench-7", []);

        (await new JsonWebTokenHandler().ValidateTokenAsync(token, ApiParameters)).IsValid.Should().BeFalse();
    }

    public void Dispose() => ((IDisposable)_api).Dispose();

    // Built as the API's Program builds it, in Development with src/WebApi's own settings; never started.
    private static WebApplication DevelopmentApi()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Development,
            ContentRootPath = WebApiSource(),
        });
        builder.AddWebApi();
        builder.Services.AddApplication();
        builder.Services.AddInfrastructure();
        return builder.Build();
    }

    private static string WebApiSource()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Reservations.sln")))
        {
            root = root.Parent;
        }

        return Path.Combine(root?.FullName ?? throw new InvalidOperationException("Reservations.sln not found above the tests."), "src", "WebApi");
    }
}
