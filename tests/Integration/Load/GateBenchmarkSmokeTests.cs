using System.Diagnostics;
using Reservations.Application.Webhooks;
using Reservations.IntegrationTests.Fixtures;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.Load;

/// <summary>
/// The load tool's gate benchmarks run as build/bench.sh runs them (the built tool, its command and flags), a few
/// hundred reserves each against the test Redis: each exits 0, which it does only when every reserve was taken and
/// counted in the product's held units, prints its figures and leaves none of its keys behind.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class GateBenchmarkSmokeTests(ITestOutputHelper output)
{
    private static readonly string Tool = Path.Combine(AppContext.BaseDirectory, "Reservations.Load.dll");

    [Fact]
    public async Task Gate_TakesEveryHold_PrintsTheRateAndMemory_AndRemovesItsKeys()
    {
        var (_, redis) = await TestServices.GetAsync();

        var (exitCode, printed, keyPrefix) = await RunAsync(
            "gate", "--redis", redis, "--holds", "300", "--concurrency", "8", "--events", WebhookEventTypes.HoldCreated);

        exitCode.Should().Be(0, printed);
        printed.Should().Contain("gate: 300 reserves at concurrency 8, events [hold.created]").And.Contain("bytes per live hold");
        (await KeysAsync(redis, keyPrefix)).Should().BeEmpty();
    }

    [Fact]
    public async Task GateVersusRedis_RepeatsTheGatesOwnReserveWithRedisBenchmark_AndRemovesItsKeys()
    {
        var (_, redis) = await TestServices.GetAsync();

        var (exitCode, printed, keyPrefix) = await RunAsync("gate-vs-redis", "--redis", redis, "--requests", "300");

        exitCode.Should().Be(0, printed);
        printed.Should().Contain("redis-benchmark EVALSHA reserve -c 50:").And.Contain("redis-benchmark EVALSHA reserve -c 50 -P 16:")
            .And.Contain("gate, 800 in flight:");
        (await KeysAsync(redis, keyPrefix)).Should().BeEmpty();
    }

    // The tool names its keys "b" and its process id in hex.
    private async Task<(int ExitCode, string Printed, string KeyPrefix)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[Tool, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        var printed = await stdout + await stderr;
        output.WriteLine(printed);
        return (process.ExitCode, printed, $"b{process.Id:x}");
    }

    private static async Task<List<RedisKey>> KeysAsync(string redis, string keyPrefix)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis);
        var keys = new List<RedisKey>();
        await foreach (var key in connection.GetServers().Single().KeysAsync(pattern: $"{keyPrefix}:*"))
        {
            keys.Add(key);
        }

        return keys;
    }
}
