using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.Worker;

/// <summary>The Worker's Prometheus listener on <c>Prometheus:Host</c> <c>*</c>, as docker-compose.yml sets it.</summary>
public sealed class WorkerMetricsListenerTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    [Fact]
    public async Task OnEveryInterface_ServesMetricsToAScraperThatNamesTheWorkerByAnotherHostName()
    {
        var port = FreePort.Next();
        var worker = await TestWorker.StartAsync(api, ("Prometheus:Port", $"{port}"), ("Prometheus:Host", "*"));
        try
        {
            var addresses = new List<IPAddress> { IPAddress.Loopback };
            addresses.AddRange(OwnAddresses().Take(1));

            foreach (var address in addresses)
            {
                using var scraper = new HttpClient { BaseAddress = new Uri($"http://{address}:{port}") };
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/metrics", UriKind.Relative));
                request.Headers.Host = $"worker:{port}";

                using var response = await scraper.SendAsync(request, TestContext.Current.CancellationToken);

                response.StatusCode.Should().Be(HttpStatusCode.OK, $"{address}");
                (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Contain("service_name=\"reservations-worker\"");
            }
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }
    }

    private static IEnumerable<IPAddress> OwnAddresses() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork);
}
