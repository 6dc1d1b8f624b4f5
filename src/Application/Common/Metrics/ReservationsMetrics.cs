using System.Diagnostics.Metrics;

namespace Reservations.Application.Common.Metrics;

/// <summary>The service's one <see cref="Meter"/>, "Reservations"; hosts export it with OpenTelemetry.</summary>
public static class ReservationsMetrics
{
    public const string MeterName = "Reservations";

    public static readonly Meter Meter = new(MeterName);

    /// <summary>Use-case outcomes: <c>use_case</c> (e.g. ReserveItemCommand), <c>outcome</c> (ok, out-of-stock…).</summary>
    public static readonly Counter<long> Outcomes = Meter.CreateCounter<long>("reservations.use_case.outcomes");

    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("reservations.use_case.duration", unit: "ms");
}
