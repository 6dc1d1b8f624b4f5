using System.Diagnostics;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>
/// Stops and starts the private PostgreSQL that build/services.sh runs (RESERVATIONS_TEST_PG_CTL / _PG_DATA), to
/// inject a crash. It refuses to touch any server it was not told about.
/// </summary>
public static class PostgresServer
{
    public static async Task CrashAsync() => await PgCtlAsync("stop", "-m", "immediate", "-w");

    /// <summary>Starts it unless it runs already.</summary>
    public static async Task StartAsync()
    {
        if (await PgCtlAsync("status") != 0)
        {
            await PgCtlAsync("start", "-w", "-t", "30", "-l", Path.Combine(DataDirectory, "..", "postgres.log"));
        }
    }

    private static string DataDirectory => Setting("RESERVATIONS_TEST_PG_DATA");

    private static async Task<int> PgCtlAsync(params string[] arguments)
    {
        var pgCtl = Setting("RESERVATIONS_TEST_PG_CTL");
        // PostgreSQL refuses to run as root: as root, run pg_ctl as the postgres user.
        var start = Environment.UserName == "root"
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", pgCtl, "-D", DataDirectory, .. arguments])
            : new ProcessStartInfo(pgCtl, ["-D", DataDirectory, .. arguments]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        // pg_ctl status answers 3 when the server is not running: an answer, not a failure.
        if (process.ExitCode != 0 && !(arguments[0] == "status" && process.ExitCode == 3))
        {
            throw new InvalidOperationException($"pg_ctl {string.Join(' ', arguments)} failed ({process.ExitCode}): {output}");
        }

        return process.ExitCode;
    }

    private static string Setting(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run the tests with build/test.sh, which starts PostgreSQL itself.");
}
