namespace Reservations.Infrastructure.Redis;

public sealed class RedisGateOptions
{
    public const string Section = "Reservations";

    /// <summary>How many shards (hash tags) products spread over; every key of one shard lives in one cluster slot.</summary>
    public int Shards { get; set; } = 16;

    /// <summary>The first part of every key, so several deployments (or test classes) can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "rsv";

    /// <summary>How long a purchase may stay unacknowledged by its Worker before another Worker takes it over.</summary>
    public TimeSpan PendingReclaimAfter { get; set; } = TimeSpan.FromSeconds(30);
}
