using System.Diagnostics;
using System.Globalization;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>
/// Crashes and restarts the private Redis that build/services.sh runs (RESERVATIONS_TEST_REDIS_CONF): SIGKILL to the
/// pid in its pidfile, then redis-server with the same configuration, which replays the append-only file.
/// </summary>
public static class RedisServer
{
    public static async Task KillAsync()
    {
        var pid = int.Parse((await File.ReadAllTextAsync(Setting("pidfile"), TestContext.Current.CancellationToken)).Trim(),
            CultureInfo.InvariantCulture);
        using (var process = Process.GetProcessById(pid))
        {
            process.Kill();
        }

        await WaitAsync(() => Task.FromResult(!Directory.Exists($"/proc/{pid}")), "Redis did not die");
    }

    /// <summary>Starts it unless it answers already, and waits until it has loaded its data.</summary>
    public static async Task StartAsync()
    {
        if (await PingsAsync())
        {
            return;
        }

        using (var start = Process.Start(new ProcessStartInfo("redis-server", [ConfigFile]) { RedirectStandardOutput = true })!)
        {
            await start.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        await WaitAsync(PingsAsync, "Redis did not come back");
    }

    private static string ConfigFile =>
        Environment.GetEnvironmentVariable("RESERVATIONS_TEST_REDIS_CONF") is { Length: > 0 } file
            ? file
            : throw new InvalidOperationException(
                "RESERVATIONS_TEST_REDIS_CONF is not set: run the tests with build/test.sh, which starts Redis itself.");

    private static string Setting(string name) =>
        File.ReadLines(ConfigFile).Select(line => line.Split(' ', 2)).First(parts => parts[0] == name)[1];

    // PING answers LOADING while the append-only file is replayed: only PONG means ready.
    private static async Task<bool> PingsAsync()
    {
        var ping = new ProcessStartInfo("redis-cli", ["-h", "127.0.0.1", "-p", Setting("port"), "ping"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(ping)!;
        var answer = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return answer.Trim() == "PONG";
    }

    private static async Task WaitAsync(Func<Task<bool>> probe, string failure)
    {
        try
        {
            await Eventually.TrueAsync(probe, TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException e)
        {
            throw new InvalidOperationException(failure, e);
        }
    }
}
