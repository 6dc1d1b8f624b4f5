using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Instrumentation.StackExchangeRedis;
using OpenTelemetry.Trace;
using Reservations.ServiceDefaults.Telemetry;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>The API with traces on and exported to <see cref="Spans"/>, Redis commands flushed to spans at once.</summary>
public sealed class TracingApiFactory : ReservationsApiFactory
{
    public SpanRecorder Spans { get; } = new();

    protected override IReadOnlyList<(string Key, string Value)> Settings => [(TelemetrySetup.TracingSetting, "true")];

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.Configure<StackExchangeRedisInstrumentationOptions>(o => o.FlushInterval = TimeSpan.FromMilliseconds(50));
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(new SimpleActivityExportProcessor(Spans)));
    }
}
