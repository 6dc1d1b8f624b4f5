using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis;

/// <summary>
/// Redis replicates asynchronously: a primary that dies right after answering can lose an acknowledged purchase when its
/// replica is promoted. With <c>Redis:PurchaseReplicas</c> N &gt; 0 a purchase answers once N replicas hold it:
/// <c>WAITAOF 0 N</c> (in their append-only files) on Redis 7.2+, else <c>WAIT N</c> (received only). Both block the
/// connection that sends them, so purchases spread over several connections of their own, never the shared one.
/// </summary>
internal sealed partial class ReplicaAcknowledgement(
    IReadOnlyList<ConnectionMultiplexer> connections, int replicas, TimeSpan timeout, ILogger<ReplicaAcknowledgement> logger)
    : IDisposable
{
    public const int Connections = 8;

    private static readonly Version FirstWithWaitAof = new(7, 2);
    private int _announced;
    private uint _next;

    public bool Enabled => connections.Count > 0;

    /// <summary>The connection for one purchase: its script and its wait must go over the same one.</summary>
    public ConnectionMultiplexer Next() => connections[(int)(Interlocked.Increment(ref _next) % (uint)connections.Count)];

    /// <summary>Waits until the replicas hold every write the connection sent to the node that owns the key.</summary>
    public async Task WaitAsync(ConnectionMultiplexer connection, RedisKey key, Guid holdId)
    {
        var server = connection.GetServer(key);
        var timeoutMs = (long)timeout.TotalMilliseconds;
        int confirmed;
        if (server.Version >= FirstWithWaitAof)
        {
            Announce("WAITAOF", server);
            confirmed = (int)((RedisResult[])(await server.ExecuteAsync("WAITAOF", 0, replicas, timeoutMs))!)[1];
        }
        else
        {
            Announce("WAIT", server);
            confirmed = (int)await server.ExecuteAsync("WAIT", replicas, timeoutMs);
        }

        if (confirmed < replicas)
        {
            throw new ReplicaTimeoutException(
                $"Purchase of hold {holdId} is recorded on the primary but {confirmed} of {replicas} replica(s) confirmed it " +
                $"within {timeout.TotalMilliseconds:0} ms.");
        }
    }

    public void Dispose()
    {
        foreach (var connection in connections)
        {
            connection.Dispose();
        }
    }

    private void Announce(string command, IServer server)
    {
        if (Interlocked.Exchange(ref _announced, 1) == 0)
        {
            LogWaiting(logger, replicas, command, server.Version);
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Purchases wait for {Replicas} replica(s) with {Command} (Redis {Version}; WAITAOF needs 7.2)")]
    private static partial void LogWaiting(ILogger logger, int replicas, string command, Version version);
}

/// <summary>Replicas did not confirm a purchase in time: the API answers 503 and the client repeats the purchase.</summary>
public sealed class ReplicaTimeoutException(string message) : TimeoutException(message);
