using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Reservations.ServiceDefaults.Telemetry;

/// <summary>
/// The root sampler: a store command (a client span) is traced only inside something traced, a request or one of the
/// Worker's units of work. On its own (an idle poll of a purchase stream, a connection's housekeeping) it would be a
/// trace of one span, dozens a second.
/// </summary>
internal sealed class NoLoneClientSpans : Sampler
{
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);
    private static readonly SamplingResult Sample = new(SamplingDecision.RecordAndSample);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind == ActivityKind.Client ? Drop : Sample;
}
