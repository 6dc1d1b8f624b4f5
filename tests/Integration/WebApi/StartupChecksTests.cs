using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.WebApi;

/// <summary>
/// Outside Development the API refuses to start with a weak or public signing key, or with dev tokens on; anywhere, with
/// a setting out of its range.
/// </summary>
public sealed class StartupChecksTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    private const string StrongKey = "a-production-signing-key-of-at-least-32-bytes!";

    [Theory]
    [InlineData("", false, "at least 32 bytes")]
    [InlineData("too-short", false, "at least 32 bytes")]
    [InlineData(Tokens.DevelopmentKey, false, "development key")]
    [InlineData(StrongKey, true, "DevTokens")]
    public void Start_InProductionWithUnsafeAuthSettings_IsRefused(string key, bool devTokens, string reason)
    {
        using var production = api.WithWebHostBuilder(b => b
            .UseEnvironment("Production")
            .UseSetting("Auth:SigningKey", key)
            .UseSetting("Auth:DevTokens", devTokens ? "true" : "false"));

        var start = () => production.CreateClient();

        start.Should().Throw<OptionsValidationException>().WithMessage($"*{reason}*");
    }

    [Theory]
    [InlineData("Retention", "00:00:30")]
    [InlineData("MaxStreamsPerClient", "0")]
    [InlineData("Tick", "00:00:00")]
    public void Start_WithALiveAvailabilitySettingOutOfRange_IsRefusedNamingIt(string setting, string value)
    {
        using var misconfigured = api.WithWebHostBuilder(b => b.UseSetting($"LiveAvailability:{setting}", value));

        var start = () => misconfigured.CreateClient();

        start.Should().Throw<OptionsValidationException>().WithMessage($"*LiveAvailability:{setting}*")
            .Which.Message.Should().NotContain("Reservations:", "the setting's section is LiveAvailability");
    }

    [Fact]
    public async Task Start_InProductionWithAStrongKey_ServesWithoutDevTokens()
    {
        using var production = api.WithWebHostBuilder(b => b
            .UseEnvironment("Production")
            .UseSetting("Auth:SigningKey", StrongKey)
            .UseSetting("Auth:DevTokens", "false"));
        var client = production.CreateClient();

        var response = await client.PostJsonAsync("/api/dev/tokens", new { subject = "mallory", roles = new[] { "admin" } });

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
    }
}
