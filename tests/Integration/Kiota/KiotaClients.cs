using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Reservations.IntegrationTests.Fixtures;
using Reservations.IntegrationTests.Kiota.Client;

namespace Reservations.IntegrationTests.Kiota;

public static class KiotaClients
{
    /// <summary>
    /// The generated client on the test server's own HttpClient, which sends <paramref name="token"/> as its bearer token
    /// (none when null): Kiota's retry and redirect handlers stay out, so each call is one request.
    /// </summary>
    public static ReservationsClient CreateKiotaClient(this ReservationsApiFactory api, string? token)
    {
        var http = api.CreateClient(token);
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http)
        {
            BaseUrl = http.BaseAddress!.ToString().TrimEnd('/'),
        };
        return new ReservationsClient(adapter);
    }
}
