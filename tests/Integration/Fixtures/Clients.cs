using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Reservations.WebApi.Auth;

namespace Reservations.IntegrationTests.Fixtures;

public static class Clients
{
    /// <summary>A client of the API that sends <paramref name="token"/> as its bearer token, or none when null.</summary>
    public static HttpClient CreateClient(this WebApplicationFactory<AuthOptions> api, string? token)
    {
        var client = api.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }
}
