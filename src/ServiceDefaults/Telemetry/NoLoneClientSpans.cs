using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Reservations.ServiceDefaults.Telemetry;

/// <summary>
/// A store command is traced only inside a request or a Worker's unit of work: alone (an idle poll of a purchase stream,
/// a connection's housekeeping) it would be a trace of one span, dozens a second.
/// </summary>
internal sealed class NoLoneClientSpans : Sampler
{
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);
    private static readonly SamplingResult Sample = new(SamplingDecision.RecordAndSample);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind == ActivityKind.Client ? Drop : Sample;
}
