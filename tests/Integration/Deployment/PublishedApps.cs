using System.Diagnostics;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.Deployment;

/// <summary>WebApi and Worker published as the Dockerfiles publish them (<c>dotnet publish -c Release</c>), once per class.</summary>
public sealed class PublishedApps : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"reservations-publish-{Guid.NewGuid():N}");

    public string ApiDirectory => Path.Combine(_root, "api");

    public string WorkerDirectory => Path.Combine(_root, "worker");

    public async ValueTask InitializeAsync()
    {
        await PublishAsync(Path.Combine("src", "WebApi", "WebApi.csproj"), ApiDirectory);
        await PublishAsync(Path.Combine("src", "Worker", "Worker.csproj"), WorkerDirectory);
    }

    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    private static async Task PublishAsync(string project, string output)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            // No build servers: nothing of the publish may outlive the test run.
            ArgumentList = { "publish", project, "-c", "Release", "-o", output, "-nologo", "-v", "quiet", "--disable-build-servers" },
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet publish did not start.");
        var log = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish {project} failed ({process.ExitCode}):\n{await log}\n{await errors}");
        }
    }
}
