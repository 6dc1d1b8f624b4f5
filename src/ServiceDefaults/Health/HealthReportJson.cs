using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Reservations.ServiceDefaults.Health;

/// <summary>The JSON both hosts answer their health requests with: the overall status and each check's.</summary>
public static class HealthReportJson
{
    public static Task WriteAsync(Stream body, HealthReport report, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        }, cancellationToken: cancellationToken);
}
