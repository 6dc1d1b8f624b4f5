using System.Diagnostics;

namespace Reservations.Load.Persist;

/// <summary>The Worker as deployed: a process of its own from its build output, on the benchmark's database and keys.</summary>
internal sealed class WorkerRun : IDisposable
{
    private readonly Process _process;

    private WorkerRun(Process process) => _process = process;

    public static WorkerRun Start(string workerDll, PersistenceHost host, string redis)
    {
        var dll = Path.GetFullPath(workerDll);
        var start = new ProcessStartInfo("dotnet", dll)
        {
            WorkingDirectory = Path.GetDirectoryName(dll),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__Postgres"] = host.PostgresConnectionString,
                ["ConnectionStrings__Redis"] = redis,
                ["Redis__KeyPrefix"] = host.KeyPrefix,
            },
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"dotnet {dll} did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"worker: {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new WorkerRun(process);
    }

    public bool HasExited => _process.HasExited;

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
