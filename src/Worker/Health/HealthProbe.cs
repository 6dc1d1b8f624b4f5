using System.Globalization;

namespace Reservations.Worker.Health;

/// <summary>
/// <c>Reservations.Worker healthcheck</c>: exits 0 when the running Worker's <c>/health/ready</c> (on <c>Worker__HealthPort</c>)
/// answers 200. The container image has no curl; the compose file's healthcheck runs this instead.
/// </summary>
public static class HealthProbe
{
    public const string Command = "healthcheck";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);
    private const string PortVariable = WorkerOptions.Section + "__" + nameof(WorkerOptions.HealthPort);

    public static Task<int> RunAsync() =>
        int.TryParse(Environment.GetEnvironmentVariable(PortVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? RunAsync(port)
            : Task.FromResult(Fail($"{PortVariable} is not set: the Worker serves no health endpoint."));

    public static async Task<int> RunAsync(int port)
    {
        var url = new Uri($"http://localhost:{port}/health/ready");
        using var http = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await http.GetAsync(url);
            Console.WriteLine($"{url}: {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return Fail($"{url}: {e.Message}");
        }
    }

    private static int Fail(string reason)
    {
        Console.WriteLine(reason);
        return 1;
    }
}
