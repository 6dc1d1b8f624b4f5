using System.Diagnostics;

namespace Reservations.Application.Common.Tracing;

/// <summary>The service's own spans, "Reservations": units of work that no request starts (the Worker's).</summary>
public static class ReservationsTracing
{
    public const string SourceName = "Reservations";

    public static readonly ActivitySource Source = new(SourceName);
}
