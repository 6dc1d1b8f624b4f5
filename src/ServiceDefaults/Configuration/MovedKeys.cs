using Microsoft.Extensions.Configuration;

namespace Reservations.ServiceDefaults.Configuration;

/// <summary>
/// Settings that moved to a section of their own (a section moves with every key under it). A host that still sets an old
/// key refuses to start (<see cref="MovedKeysValidator"/>): read silently, the setting would fall back to its default.
/// An old key beside its new key with the same value is accepted: in a rolling upgrade the earlier release reads it.
/// </summary>
public static class MovedKeys
{
    public static readonly IReadOnlyList<(string Old, string New)> All =
    [
        ("Reservations:Shards", "Redis:Shards"),
        ("Reservations:KeyPrefix", "Redis:KeyPrefix"),
        ("Reservations:PendingReclaimAfter", "Redis:PendingReclaimAfter"),
        ("Reservations:MaxDeliveries", "Redis:MaxDeliveries"),
        ("Reservations:PurchaseReplicas", "Redis:PurchaseReplicas"),
        ("Reservations:PurchaseReplicaTimeout", "Redis:PurchaseReplicaTimeout"),
        ("Reservations:RequireAppendFsyncAlways", "Redis:RequireAppendFsyncAlways"),
        ("Reservations:MetricsPort", "Prometheus:Port"),
        ("Reservations:MetricsHost", "Prometheus:Host"),
        ("Reservations:SweepInterval", "Worker:SweepInterval"),
        ("Reservations:SweepEnabled", "Worker:SweepEnabled"),
        ("Reservations:KeyspaceEvents", "Worker:KeyspaceEvents"),
        ("Reservations:ConfigureKeyspaceEvents", "Worker:ConfigureKeyspaceEvents"),
        ("Reservations:StateCheckInterval", "Worker:StateCheckInterval"),
        ("Reservations:ReconcileInterval", "Worker:ReconcileInterval"),
        ("Reservations:AdjustmentInterval", "Worker:AdjustmentInterval"),
        ("Reservations:AdjustmentGrace", "Worker:AdjustmentGrace"),
        ("Reservations:TermsRefreshInterval", "Worker:TermsRefreshInterval"),
        ("Reservations:HealthPort", "Worker:HealthPort"),
        ("Reservations:HealthHost", "Worker:HealthHost"),
        ("Reservations:StockSampleInterval", "Worker:StockSampleInterval"),
        ("Reservations:StockSampleBatch", "Worker:StockSampleBatch"),
        ("Reservations:StockCatalogRefresh", "Worker:StockCatalogRefresh"),
        ("Reservations:LiveAvailability", "LiveAvailability"),
        ("Webhooks:PollInterval", "Webhooks:Delivery:PollInterval"),
        ("Webhooks:RetryDelays", "Webhooks:Delivery:RetryDelays"),
        ("Webhooks:AttemptTimeout", "Webhooks:Delivery:AttemptTimeout"),
        ("Webhooks:Lease", "Webhooks:Delivery:Lease"),
        ("Webhooks:MaxLanes", "Webhooks:Delivery:MaxLanes"),
        ("Webhooks:LaneBatch", "Webhooks:Delivery:LaneBatch"),
        ("Webhooks:FanOutBatch", "Webhooks:Delivery:FanOutBatch"),
        ("Webhooks:SwitchRepairInterval", "Webhooks:Delivery:SwitchRepairInterval"),
        ("Webhooks:Keep", "Webhooks:Delivery:Keep"),
        ("Webhooks:PruneInterval", "Webhooks:Delivery:PruneInterval"),
    ];

    /// <summary>
    /// One line for each old key the configuration still sets (an empty value too) without its new key set to the same
    /// value, naming the new key.
    /// </summary>
    public static IReadOnlyList<string> StillSetIn(IConfiguration configuration) =>
    [
        .. from move in All
           from setting in configuration.GetSection(move.Old).AsEnumerable()
           where setting.Value is not null
           let rest = setting.Key[move.Old.Length..]
           where configuration[move.New + rest] != setting.Value
           select $"{setting.Key} has moved to {move.New}{rest} (environment variable {EnvironmentVariable(move.New + rest)}): " +
                  "set that instead, the old key is no longer read.",
    ];

    /// <summary>The same refusal for a host that is built but never started (the API's <c>migrate</c> command).</summary>
    public static void EnsureNoneIn(IConfiguration configuration)
    {
        if (StillSetIn(configuration) is [_, ..] stale)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, stale));
        }
    }

    private static string EnvironmentVariable(string key) => key.Replace(":", "__", StringComparison.Ordinal);
}
