using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>An in-memory trace exporter whose spans a test may read while the host still exports.</summary>
public sealed class SpanRecorder : BaseExporter<Activity>
{
    private readonly ConcurrentQueue<Activity> _spans = new();

    public IReadOnlyList<Activity> Spans => [.. _spans];

    public override ExportResult Export(in Batch<Activity> batch)
    {
        foreach (var span in batch)
        {
            _spans.Enqueue(span);
        }

        return ExportResult.Success;
    }
}
