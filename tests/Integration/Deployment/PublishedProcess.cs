using System.Collections.Concurrent;
using System.Diagnostics;

namespace Reservations.IntegrationTests.Deployment;

/// <summary>
/// One published application run as its container would run it: <c>dotnet &lt;dll&gt; [args]</c> with the given
/// environment and none of the test process's own application settings.
/// </summary>
public sealed class PublishedProcess : IDisposable
{
    // What the test process may carry that the application would read as configuration: never passed on.
    private static readonly string[] ApplicationSettingPrefixes =
        ["ConnectionStrings__", "Auth__", "Reservations__", "Redis__", "Worker__", "Prometheus__", "LiveAvailability__", "Webhooks__", "Payments__", "RateLimiting__", "Cors__", "Serilog__", "OTEL_", "ASPNETCORE_", "DOTNET_ENVIRONMENT", "RESERVATIONS_"];

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private PublishedProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The last lines the process wrote, for a failure message.</summary>
    public string Output => string.Join('\n', _output);

    public bool HasExited => _process.HasExited;

    public static PublishedProcess Start(string directory, string dll, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(directory, dll));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(n => ApplicationSettingPrefixes.Any(p => n.StartsWith(p, StringComparison.Ordinal))).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new PublishedProcess(Process.Start(start) ?? throw new InvalidOperationException($"{dll} did not start."));
    }

    /// <summary>Waits for a process that is meant to finish (migrate, healthcheck) and returns its exit code.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
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

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 200 && _output.TryDequeue(out _))
        {
        }
    }
}
