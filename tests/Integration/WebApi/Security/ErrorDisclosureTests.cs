using System.Net;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.WebApi.Security;

/// <summary>
/// Outside Development a failure is a bare problem document (no exception type, message or stack trace) that still
/// carries the security headers, which the exception handler's reset of the response must not lose.
/// </summary>
public sealed class ErrorDisclosureTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    [Fact]
    public async Task AnUnexpectedFailureInProduction_Is500WithoutAnyDetailOfTheException()
    {
        // A database that does not exist: PostgreSQL answers 3D000, which is no transient failure.
        var missing = new NpgsqlConnectionStringBuilder(api.PostgresConnectionString) { Database = "reservations_missing_db" }.ConnectionString;
        using var production = api.WithWebHostBuilder(b => b
            .UseEnvironment("Production")
            .UseSetting("Auth:SigningKey", "a-production-signing-key-of-at-least-32-bytes!")
            .UseSetting("Auth:DevTokens", "false")
            .UseSetting("ConnectionStrings:Postgres", missing));

        var response = await production.CreateClient().GetAsync(new Uri("/api/products", UriKind.Relative), TestContext.Current.CancellationToken);

        var body = (await response.ShouldBeProblemAsync(HttpStatusCode.InternalServerError, "internal-error")).ToString();
        body.Should().NotContainAny("Exception", "3D000", "reservations_missing_db", "   at ", "Npgsql");
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
    }
}
