namespace Reservations.Worker;

public sealed class WorkerOptions
{
    public const string Section = "Worker";

    /// <summary>
    /// How long the Worker may take to release a hold once something tells it the hold is due (its expiry event, a
    /// sweep): the "+ 2 s" of <see cref="ReleasePromise"/>.
    /// </summary>
    public static readonly TimeSpan ReleaseMargin = TimeSpan.FromSeconds(2);

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Every hold past its deadline is released within this long of it, whatever happens to expiry events.</summary>
    public TimeSpan ReleasePromise => SweepInterval + ReleaseMargin;

    /// <summary>Runs the sweeper (the safety net). Turn off only where another Worker sweeps.</summary>
    public bool SweepEnabled { get; set; } = true;

    /// <summary>Listens to keyspace expiry events (the fast path).</summary>
    public bool KeyspaceEvents { get; set; } = true;

    /// <summary>How often the Worker checks whether Redis lost data (and then builds the lost state again).</summary>
    public TimeSpan StateCheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan AdjustmentInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long an adjustment stays pending before the Worker completes it: longer than a request takes to give up on
    /// Redis (5 s), so the Worker rarely repeats a call that is still running (a repeat would be harmless).
    /// </summary>
    public TimeSpan AdjustmentGrace { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan TermsRefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Turns Redis's key-expiration notices on at start when they are off; otherwise the Worker only warns.</summary>
    public bool ConfigureKeyspaceEvents { get; set; }

    /// <summary>The port on which the Worker serves <c>/health/live</c> and <c>/health/ready</c>; none when unset.</summary>
    public int? HealthPort { get; set; }

    /// <summary>The host name the health listener binds to; <c>*</c> for every interface (in a container).</summary>
    public string HealthHost { get; set; } = "localhost";

    public TimeSpan StockSampleInterval { get; set; } = TimeSpan.FromSeconds(5);

    public int StockSampleBatch { get; set; } = 500;

    public TimeSpan StockCatalogRefresh { get; set; } = TimeSpan.FromMinutes(1);
}
