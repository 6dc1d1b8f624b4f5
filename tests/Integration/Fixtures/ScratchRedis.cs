using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>
/// A throwaway redis-server on loopback with the settings a test gives it (no persistence unless asked), for tests
/// of how the services treat a Redis configured differently from the shared one. Killed and its directory deleted
/// on dispose.
/// </summary>
public sealed class ScratchRedis : IAsyncDisposable
{
    private readonly Process _process;
    private readonly DirectoryInfo _directory;

    private ScratchRedis(Process process, DirectoryInfo directory, int port)
    {
        _process = process;
        _directory = directory;
        ConnectionString = $"127.0.0.1:{port}";
    }

    public string ConnectionString { get; }

    /// <summary>
    /// Starts one and waits until it answers PING, having loaded its data (a cluster node answers before it serves any
    /// slot). Its log is in its own directory, and its end in the exception when it does not answer.
    /// </summary>
    public static async Task<ScratchRedis> StartAsync(params string[] settings)
    {
        var port = FreePort();
        var directory = Directory.CreateTempSubdirectory("rsv-scratch-redis-");
        var log = Path.Combine(directory.FullName, "redis.log");
        var process = Process.Start(new ProcessStartInfo("redis-server",
            ["--port", $"{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory.FullName,
             "--logfile", log, .. settings]))!;
        var redis = new ScratchRedis(process, directory, port);
        Exception? refused = null;
        try
        {
            await Eventually.TrueAsync(async () =>
            {
                try
                {
                    await using var connection = await ConnectionMultiplexer.ConnectAsync(
                        new ConfigurationOptions { EndPoints = { redis.ConnectionString }, ConnectTimeout = 1000, ConnectRetry = 1 });
                    await connection.GetDatabase().PingAsync();
                    return true;
                }
                catch (Exception e) when (e is RedisConnectionException
                    || (e is RedisServerException && e.Message.StartsWith("LOADING", StringComparison.Ordinal)))
                {
                    // Not listening yet, or still replaying its append-only file.
                    refused = e;
                    return false;
                }
            }, TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException e)
        {
            var tail = File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(20)) : "(no log written)";
            await redis.DisposeAsync();
            throw new InvalidOperationException(
                $"redis-server {string.Join(' ', settings)} did not answer within 20 s ({refused?.Message}); its log ends:\n{tail}", e);
        }

        return redis;
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        _directory.Delete(recursive: true);
    }

    // A cluster node refuses ports above 55535: its bus listens on the port + 10000, which must be free too.
    private static int FreePort() =>
        Enumerable.Range(0, 1000).Select(_ => Random.Shared.Next(20_000, 45_000)).First(port => IsFree(port) && IsFree(port + 10_000));

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
