using System.Diagnostics;
using System.Globalization;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>The Worker as a process of its own, from its build output, so a test can kill -9 it.</summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;

    private WorkerProcess(Process process) => _process = process;

    public static WorkerProcess Start(ReservationsApiFactory api, params (string Key, string Value)[] settings)
    {
        var process = Process.Start(StartInfo(api, settings)) ?? throw new InvalidOperationException("The Worker did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new WorkerProcess(process);
    }

    /// <summary>Runs a Worker that is expected to stop by itself: its exit code and everything it wrote.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(
        ReservationsApiFactory api, TimeSpan timeout, params (string Key, string Value)[] settings)
    {
        using var process = Process.Start(StartInfo(api, settings)) ?? throw new InvalidOperationException("The Worker did not start.");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"The Worker still ran after {timeout}.");
        }

        return (process.ExitCode, await output + await errors);
    }

    private static ProcessStartInfo StartInfo(ReservationsApiFactory api, (string Key, string Value)[] settings)
    {
        var directory = BuildOutput();
        var start = new ProcessStartInfo("dotnet", Path.Combine(directory, "Reservations.Worker.dll"))
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__Postgres"] = api.PostgresConnectionString,
                ["ConnectionStrings__Redis"] = api.RedisConnectionString,
                ["Redis__KeyPrefix"] = api.KeyPrefix,
            },
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return start;
    }

    /// <summary>The Worker's own build output: tests/Integration/bin/&lt;Configuration&gt;/net10.0 → src/Worker/bin/&lt;Configuration&gt;/net10.0, built with the solution.</summary>
    public static string BuildOutput()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var directory = Path.Combine(Repository.Root, "src", "Worker", "bin", output.Parent!.Name, output.Name);
        return File.Exists(Path.Combine(directory, "Reservations.Worker.dll"))
            ? directory
            : throw new InvalidOperationException($"Build the solution first: {directory} has no Reservations.Worker.dll.");
    }

    /// <summary>SIGTERM, as <c>docker stop</c> or systemd send it: waits for the process to end and returns its exit code.</summary>
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

    /// <summary>SIGKILL: no shutdown hook runs, exactly like a crash.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }
}
