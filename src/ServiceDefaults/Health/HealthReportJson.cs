using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Reservations.ServiceDefaults.Health;

public static class HealthReportJson
{
    public static Task WriteAsync(Stream body, HealthReport report, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        }, cancellationToken: cancellationToken);
}
