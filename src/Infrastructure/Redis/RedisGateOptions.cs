using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis;

public sealed class RedisGateOptions
{
    public const string Section = "Redis";

    /// <summary>Shards on one Redis node when <see cref="Shards"/> is not set.</summary>
    public const int SingleNodeShards = 16;

    /// <summary>
    /// Shards on a cluster (a connection string naming several nodes) when <see cref="Shards"/> is not set: each primary
    /// of a cluster of a handful owns several; a larger cluster wants more (each Worker polls every shard's stream).
    /// </summary>
    public const int ClusterShards = 64;

    /// <summary>
    /// Hash tags products spread over (each shard's keys share one cluster slot); unset, from the connection string
    /// (<see cref="ShardsFor"/>). Fixed for a deployment's life: another count maps products to other shards.
    /// </summary>
    public int? Shards { get; set; }

    /// <summary>The first part of every key, so several deployments (or test classes) can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "rsv";

    /// <summary>How long a purchase may stay unacknowledged by its Worker before another Worker takes it over.</summary>
    public TimeSpan PendingReclaimAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Deliveries of an unreadable purchase entry before it is quarantined, so it never holds up the ones behind it.</summary>
    public int MaxDeliveries { get; set; } = 5;

    /// <summary>Replicas that must confirm a purchase before it is answered (0: none); see <see cref="ReplicaAcknowledgement"/>.</summary>
    public int PurchaseReplicas { get; set; }

    /// <summary>How long a purchase waits for <see cref="PurchaseReplicas"/> before it answers 503 (the purchase stands).</summary>
    public TimeSpan PurchaseReplicaTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Refuse to start without <c>appendonly yes</c> and <c>appendfsync always</c>, rather than warn and report degraded.</summary>
    public bool RequireAppendFsyncAlways { get; set; }

    /// <summary>
    /// <see cref="Shards"/>, else by the number of nodes the connection string names: decided by configuration alone, never
    /// by what answers at start-up, so every process of a deployment agrees.
    /// </summary>
    public int ShardsFor(string redisConnectionString) =>
        Shards ?? (ConfigurationOptions.Parse(redisConnectionString).EndPoints.Count > 1 ? ClusterShards : SingleNodeShards);
}
