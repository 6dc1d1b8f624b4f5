using System.Globalization;

namespace Reservations.WebApi;

/// <summary>
/// <c>Reservations.WebApi healthcheck</c>: asks the running API on this machine for <c>/health/ready</c> and exits 0 when
/// it answers 200. The container images have no curl; Docker's <c>HEALTHCHECK</c> runs this instead.
/// </summary>
internal static class HealthProbe
{
    public const string Command = "healthcheck";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public static async Task<int> RunAsync()
    {
        var url = new Uri($"http://127.0.0.1:{Port()}/health/ready");
        using var http = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await http.GetAsync(url);
            Console.WriteLine($"{url}: {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Console.WriteLine($"{url}: {e.Message}");
            return 1;
        }
    }

    // The port Kestrel listens on in the image: the first of ASPNETCORE_HTTP_PORTS (the .NET images set 8080).
    private static int Port()
    {
        var ports = Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS");
        var first = ports?.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : 8080;
    }
}
