using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis;

/// <summary>
/// The one connection in admin mode, for the commands StackExchange.Redis refuses elsewhere: CONFIG GET and CLUSTER
/// INFO/NODES in both processes, CONFIG SET in the Worker alone (it turns on expiry notices). The gate's connections
/// open without admin mode, so no request path can run an admin command by mistake.
/// </summary>
internal sealed class RedisAdminConnection(ConnectionMultiplexer connection) : IDisposable
{
    public IEnumerable<IServer> ConnectedNodes() => connection.GetServers().Where(s => s.IsConnected);

    public void Dispose() => connection.Dispose();
}
