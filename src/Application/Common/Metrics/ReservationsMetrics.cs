using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Reservations.Application.Common.Metrics;

public static class ReservationsMetrics
{
    public const string MeterName = "Reservations";

    public static readonly Meter Meter = new(MeterName);

    /// <summary>Use-case outcomes: <c>use_case</c> (e.g. ReserveItemCommand), <c>outcome</c> (ok, out-of-stock…).</summary>
    public static readonly Counter<long> Outcomes = Meter.CreateCounter<long>("reservations.use_case.outcomes");

    /// <summary>How long after its deadline a hold's stock came back, by <c>path</c>: event or sweep.</summary>
    public static readonly Histogram<double> ExpiryDelay = Meter.CreateHistogram<double>("reservations.hold.expiry_delay", unit: "ms");

    public static readonly Counter<long> HoldsQuarantined = Meter.CreateCounter<long>("reservations.hold.quarantined");

    /// <summary>Sweeps of one shard that failed for good (a corrupt key), by <c>shard</c>; the other shards were swept.</summary>
    public static readonly Counter<long> ExpiryFailures = Meter.CreateCounter<long>("reservations.hold.expiry_failures");

    public static readonly Histogram<double> PersistenceLag = Meter.CreateHistogram<double>("reservations.purchase.persistence_lag", unit: "ms");

    public static readonly Counter<long> DeadLetters = Meter.CreateCounter<long>("reservations.purchase.dead_letters");

    public static readonly Counter<long> Quarantined = Meter.CreateCounter<long>("reservations.purchase.quarantined");

    public static readonly Counter<long> GateEventsQuarantined = Meter.CreateCounter<long>("reservations.gate_event.quarantined");

    /// <summary>Acknowledged purchases whose stream entry was deleted (a trim) before it was persisted, by
    /// <c>stream</c>: their units stay in purchasing and no rows will come. Alert on any.</summary>
    public static readonly Counter<long> LostPurchases = Meter.CreateCounter<long>("reservations.purchase.lost");

    public static readonly Counter<long> LedgerImbalances = Meter.CreateCounter<long>("reservations.ledger.imbalances");

    /// <summary>Requests answered 503 at once because the API had too many at work and waiting.</summary>
    public static readonly Counter<long> RequestsShed = Meter.CreateCounter<long>("reservations.http.requests_shed");

    public static readonly Counter<long> WebhooksDelivered = Meter.CreateCounter<long>("reservations.webhook.delivered");

    public static readonly Counter<long> WebhookAttemptsFailed = Meter.CreateCounter<long>("reservations.webhook.attempts_failed");

    /// <summary>Webhook deliveries that failed for good past the retry window; each disabled its endpoint.</summary>
    public static readonly Counter<long> WebhooksFailed = Meter.CreateCounter<long>("reservations.webhook.failed");

    public static readonly UpDownCounter<long> AvailabilityStreams = Meter.CreateUpDownCounter<long>("reservations.availability.streams");

    /// <summary>Live availability streams refused by <c>reason</c>: too-many-streams (per address) or service-unavailable.</summary>
    public static readonly Counter<long> AvailabilityStreamsRefused = Meter.CreateCounter<long>("reservations.availability.streams_refused");

    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("reservations.use_case.duration", unit: "ms");

    public static void RecordExpiryDelay(TimeSpan delay, string path) =>
        ExpiryDelay.Record(delay.TotalMilliseconds, new TagList { { "path", path } });

    public static void RecordLostPurchases(int count, string stream) =>
        LostPurchases.Add(count, new TagList { { "stream", stream } });

    public static void RecordExpiryFailure(int shard) => ExpiryFailures.Add(1, new TagList { { "shard", shard } });

    public static void RecordStreamRefused(string reason) =>
        AvailabilityStreamsRefused.Add(1, new TagList { { "reason", reason } });

    public static void RecordPersistenceLag(TimeSpan lag) => PersistenceLag.Record(lag.TotalMilliseconds);
}
