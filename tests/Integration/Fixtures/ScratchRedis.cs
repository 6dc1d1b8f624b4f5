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

    /// <summary>Starts one and waits until it answers PING (a cluster node answers before it serves any slot).</summary>
    public static async Task<ScratchRedis> StartAsync(params string[] settings)
    {
        var port = FreePort();
        var directory = Directory.CreateTempSubdirectory("rsv-scratch-redis-");
        var process = Process.Start(new ProcessStartInfo("redis-server",
            ["--port", $"{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory.FullName, .. settings])
        {
            RedirectStandardOutput = true,
        })!;
        var redis = new ScratchRedis(process, directory, port);
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
                await connection.GetDatabase().PingAsync();
                return true;
            }
            catch (RedisConnectionException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(10));
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
