using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis;

/// <summary>
/// The settings of one Redis node that decide whether the gate's promises hold there: under any eviction policy
/// but <c>noeviction</c> Redis may drop holds, stock or unpersisted purchases when full, and without
/// <c>appendonly yes</c> + <c>appendfsync always</c> a crash can lose writes it has acknowledged.
/// </summary>
internal sealed record RedisServerSettings(string Node, string MaxMemoryPolicy, string AppendOnly, string AppendFsync)
{
    public static async Task<RedisServerSettings> ReadAsync(IServer server)
    {
        var policy = ValueAsync(server, "maxmemory-policy");
        var appendOnly = ValueAsync(server, "appendonly");
        var appendFsync = ValueAsync(server, "appendfsync");
        return new RedisServerSettings($"{server.EndPoint}", await policy, await appendOnly, await appendFsync);
    }

    private static async Task<string> ValueAsync(IServer server, string name) =>
        (await server.ConfigGetAsync(name)).SingleOrDefault(pair => pair.Key == name).Value ?? "unknown";

    /// <summary>Every connected node's settings (each primary and replica of a cluster: a replica may be promoted).</summary>
    public static async Task<IReadOnlyList<RedisServerSettings>> ReadAllAsync(RedisAdminConnection admin) =>
        await Task.WhenAll(admin.ConnectedNodes().Select(ReadAsync));

    public string? Refusal => MaxMemoryPolicy == "noeviction"
        ? null
        : $"Redis {Node} has maxmemory-policy {MaxMemoryPolicy}: when full it may evict holds, stock and purchases not " +
          "yet persisted, and the ledger breaks. Set maxmemory-policy noeviction.";

    /// <summary>What a crash of this node can lose, or null when every acknowledged write is on disk first.</summary>
    public string? DurabilityWarning => AppendOnly == "yes" && AppendFsync == "always"
        ? null
        : $"Redis {Node} has appendonly {AppendOnly}, appendfsync {AppendFsync}: a crash can lose acknowledged holds " +
          "and purchases. Set appendonly yes and appendfsync always (or replicate purchases: Redis:PurchaseReplicas).";

    public override string ToString() =>
        $"{Node}: maxmemory-policy {MaxMemoryPolicy}, appendonly {AppendOnly}, appendfsync {AppendFsync}";
}
