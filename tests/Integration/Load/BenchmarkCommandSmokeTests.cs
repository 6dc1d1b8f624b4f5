using System.Diagnostics;
using Npgsql;
using Reservations.Application.Webhooks;
using Reservations.IntegrationTests.Fixtures;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.Load;

/// <summary>
/// The load tool's benchmarks that need no API, run as build/bench.sh runs them (the built tool, its command and flags)
/// with a few hundred operations against the test services: each exits 0, which it does only when its own checks hold,
/// prints its figures and leaves none of its keys (or its database) behind. The tool names its keys "b" (gate) or "p"
/// (persist) and its process id in hex.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class BenchmarkCommandSmokeTests(ITestOutputHelper output)
{
    private static readonly string Tool = Path.Combine(AppContext.BaseDirectory, "Reservations.Load.dll");

    [Fact]
    public async Task Gate_TakesEveryHold_PrintsTheRateAndMemory_AndRemovesItsKeys()
    {
        var (_, redis) = await TestServices.GetAsync();

        var (exitCode, printed, toolId) = await RunAsync(
            "gate", "--redis", redis, "--holds", "300", "--concurrency", "8", "--events", WebhookEventTypes.HoldCreated);

        exitCode.Should().Be(0, printed);
        printed.Should().Contain("gate: 300 reserves at concurrency 8, events [hold.created]").And.Contain("bytes per live hold");
        (await KeysAsync(redis, $"b{toolId:x}")).Should().BeEmpty();
    }

    [Fact]
    public async Task GateVersusRedis_RepeatsTheGatesOwnReserveWithRedisBenchmark_AndRemovesItsKeys()
    {
        var (_, redis) = await TestServices.GetAsync();

        var (exitCode, printed, toolId) = await RunAsync("gate-vs-redis", "--redis", redis, "--requests", "300");

        exitCode.Should().Be(0, printed);
        printed.Should().Contain("redis-benchmark EVALSHA reserve -c 50:").And.Contain("redis-benchmark EVALSHA reserve -c 50 -P 16:")
            .And.Contain("gate, 800 in flight:");
        (await KeysAsync(redis, $"b{toolId:x}")).Should().BeEmpty();
    }

    [Fact]
    public async Task Persist_HasTheWorkerPersistEveryPurchase_AndRemovesItsDatabaseAndKeys()
    {
        var (postgres, redis) = await TestServices.GetAsync();
        var worker = Path.Combine(WorkerProcess.BuildOutput(), "Reservations.Worker.dll");

        var (exitCode, printed, toolId) = await RunAsync(
            "persist", "--redis", redis, "--postgres", postgres, "--worker", worker, "--purchases", "200");

        exitCode.Should().Be(0, printed);
        printed.Should().Contain("persist: 200 purchases of one product waiting in the stream")
            .And.Contain("ledger: total 200, available 0, held 0, purchasing 0, sold 200, balanced True; orders 200");
        (await KeysAsync(redis, $"p{toolId:x}")).Should().BeEmpty();
        (await DatabaseExistsAsync(postgres, $"persist_bench_{toolId}")).Should().BeFalse();
    }

    private async Task<(int ExitCode, string Printed, int ToolId)> RunAsync(params string[] arguments)
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
        return (process.ExitCode, printed, process.Id);
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

    private static async Task<bool> DatabaseExistsAsync(string postgres, string database)
    {
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @name)", connection);
        command.Parameters.AddWithValue("name", database);
        return (bool)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
