using System.Net;
using System.Text.Json;
using Reservations.IntegrationTests.Fixtures;
using Reservations.Worker.Health;

namespace Reservations.IntegrationTests.Worker;

/// <summary>The Worker's <c>/health/live</c> and <c>/health/ready</c> on its <c>Worker:HealthPort</c>.</summary>
public sealed class WorkerHealthTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    [Fact]
    public async Task WithBothStoresUp_LiveAndReadyAnswer200()
    {
        var port = FreePort.Next();
        var worker = await TestWorker.StartAsync(api, ("Worker:HealthPort", $"{port}"));
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://localhost:{port}") };

            (await GetAsync(http, "/health/live")).Status.Should().Be(HttpStatusCode.OK);
            var (status, report) = await GetAsync(http, "/health/ready");

            status.Should().Be(HttpStatusCode.OK, report.ToString());
            report.GetProperty("checks").GetProperty("postgres").GetProperty("status").GetString().Should().Be("Healthy");
            report.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString().Should().Be("Healthy");
            (await HealthProbe.RunAsync(port)).Should().Be(0, "the container's health command reads the same");
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }
    }

    [Fact]
    public async Task WithPostgresUnreachable_ReadyAnswers503AndLiveStill200()
    {
        var port = FreePort.Next();
        var nowhere = $"Host=127.0.0.1;Port={FreePort.Next()};Username=postgres;Password=postgres;Database=none;Timeout=2";
        var worker = await TestWorker.StartAsync(api, ("Worker:HealthPort", $"{port}"), ("ConnectionStrings:Postgres", nowhere));
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://localhost:{port}") };

            var (status, report) = await GetAsync(http, "/health/ready");

            status.Should().Be(HttpStatusCode.ServiceUnavailable, report.ToString());
            report.GetProperty("checks").GetProperty("postgres").GetProperty("status").GetString().Should().Be("Unhealthy");
            (await GetAsync(http, "/health/live")).Status.Should().Be(HttpStatusCode.OK);
            (await HealthProbe.RunAsync(port)).Should().Be(1);
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }
    }

    private static async Task<(HttpStatusCode Status, JsonElement Report)> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonDocument.Parse(body).RootElement.Clone());
    }
}
