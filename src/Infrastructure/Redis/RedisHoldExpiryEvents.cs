using Reservations.Application.Common.Ports;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis;

/// <summary>
/// Keyspace notifications (<c>__keyevent@db__:expired</c>) of hold TTL keys. StackExchange.Redis re-subscribes by
/// itself after the subscription connection drops; notices sent meanwhile are lost, which the sweeper covers.
/// </summary>
internal sealed class RedisHoldExpiryEvents(IConnectionMultiplexer redis, RedisKeys keys) : IHoldExpiryEvents
{
    private const string Setting = "notify-keyspace-events";

    public async Task<bool> AreEnabledAsync(CancellationToken cancellationToken)
    {
        foreach (var server in Primaries())
        {
            if (!Publishes(await FlagsAsync(server)))
            {
                return false;
            }
        }

        return true;
    }

    public async Task EnableAsync(CancellationToken cancellationToken)
    {
        foreach (var server in Primaries())
        {
            var flags = await FlagsAsync(server);
            if (!Publishes(flags))
            {
                await server.ConfigSetAsync(Setting, flags + (flags.Contains('E', StringComparison.Ordinal) ? "x" : "Ex"));
            }
        }
    }

    public async Task ListenAsync(Func<Guid, Task> onHoldExpired, CancellationToken cancellationToken)
    {
        var channel = RedisChannel.Literal($"__keyevent@{redis.GetDatabase().Database}__:expired");
        var subscriber = redis.GetSubscriber();
        var queue = await subscriber.SubscribeAsync(channel);
        queue.OnMessage(async message =>
        {
            if (keys.HoldOfTtlKey((byte[]?)message.Message) is { } holdId)
            {
                await onHoldExpired(holdId);
            }
        });
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await queue.UnsubscribeAsync();
        }
    }

    // 'E' turns on keyevent notices; 'x' (or 'A', every class) includes expirations.
    private static bool Publishes(string flags) =>
        flags.Contains('E', StringComparison.Ordinal) && flags.IndexOfAny(['x', 'A']) >= 0;

    private static async Task<string> FlagsAsync(IServer server) =>
        (await server.ConfigGetAsync(Setting)).SingleOrDefault().Value ?? string.Empty;

    private IEnumerable<IServer> Primaries() => redis.GetServers().Where(s => s.IsConnected && !s.IsReplica);
}
