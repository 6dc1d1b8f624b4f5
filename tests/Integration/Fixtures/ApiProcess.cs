using System.Diagnostics;
using System.Globalization;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>
/// Another WebApi instance as a process of its own (its build output), on a loopback port, sharing the factory's
/// PostgreSQL database, Redis and key prefix: a second API node of one deployment.
/// </summary>
public sealed class ApiProcess : IDisposable
{
    private readonly Process _process;

    private ApiProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<ApiProcess> StartAsync(ReservationsApiFactory api)
    {
        var directory = ApiDirectory();
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var start = new ProcessStartInfo("dotnet", Path.Combine(directory, "Reservations.WebApi.dll"))
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                // Development: the signing key the tests' tokens use, as the factory's host has.
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = address.ToString(),
                ["ConnectionStrings__Postgres"] = api.PostgresConnectionString,
                ["ConnectionStrings__Redis"] = api.RedisConnectionString,
                ["Redis__KeyPrefix"] = api.KeyPrefix,
                ["Serilog__MinimumLevel__Default"] = "Warning",
            },
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("The API did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var instance = new ApiProcess(process, address);
        try
        {
            using var probe = instance.CreateClient();
            await Eventually.TrueAsync(async () => !process.HasExited && await AnswersAsync(probe), TimeSpan.FromSeconds(60));
            return instance;
        }
        catch
        {
            instance.Dispose();
            throw;
        }
    }

    public HttpClient CreateClient() => new() { BaseAddress = Address };

    /// <summary>SIGTERM, as an orchestrator stops a node: waits for the process to end and returns its exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        await _process.WaitForExitAsync(deadline.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static async Task<bool> AnswersAsync(HttpClient probe)
    {
        try
        {
            using var response = await probe.GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    // tests/Integration/bin/<Configuration>/net10.0 → src/WebApi/bin/<Configuration>/net10.0, built with the solution.
    internal static string ApiDirectory()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var directory = Path.Combine(Repository.Root, "src", "WebApi", "bin", output.Parent!.Name, output.Name);
        return File.Exists(Path.Combine(directory, "Reservations.WebApi.dll"))
            ? directory
            : throw new InvalidOperationException($"Build the solution first: {directory} has no Reservations.WebApi.dll.");
    }
}
