using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Configuration;
using Reservations.IntegrationTests.Fixtures;
using Reservations.ServiceDefaults.Logging;
using Serilog;

namespace Reservations.UnitTests.ServiceDefaults.Logging;

public sealed class OtlpLogsTests
{
    private const string ServiceName = "reservations-test";

    [Fact]
    public void WithAnOtlpEndpoint_ALogEventArrivesAsARecordWithItsTraceSpanAndServiceName()
    {
        var port = FreePort.Next();
        using var collector = new OtlpCollector($"http://127.0.0.1:{port}/");
        var reservationId = Guid.NewGuid();
        using var activity = new Activity("purchase").SetIdFormat(ActivityIdFormat.W3C).Start();

        Log(Settings(("OTEL_EXPORTER_OTLP_ENDPOINT", $"http://127.0.0.1:{port}"), ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")),
            reservationId);

        collector.Requests.Should().NotBeEmpty();
        var (path, contentType, body) = collector.Requests[0];
        path.Should().Be("/v1/logs");
        contentType.Should().Be("application/x-protobuf");
        // Protobuf keeps ids as their raw bytes and strings as UTF-8: no decoder needed to find them.
        Contains(body, Encoding.UTF8.GetBytes($"Purchase {reservationId} persisted")).Should().BeTrue("the record carries the message");
        Contains(body, Bytes(activity.TraceId.ToHexString())).Should().BeTrue("the record carries the trace id");
        Contains(body, Bytes(activity.SpanId.ToHexString())).Should().BeTrue("the record carries the span id");
        Contains(body, Encoding.UTF8.GetBytes(ServiceName)).Should().BeTrue("the resource names the service");
    }

    // Listens where the sink sends when no endpoint is given (OTLP's default port): nothing may arrive there either.
    [Fact]
    public void WithoutAnOtlpEndpoint_NothingIsExported()
    {
        using var collector = new OtlpCollector("http://localhost:4317/");

        Log(Settings(("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")), Guid.NewGuid());

        collector.Requests.Should().BeEmpty();
    }

    // Disposing the logger flushes the sink's batch: what it exports has arrived when this returns.
    private static void Log(IConfiguration configuration, Guid reservationId)
    {
        using var logger = new LoggerConfiguration().WriteToOtlpWhenConfigured(configuration, ServiceName).CreateLogger();
        logger.Information("Purchase {ReservationId} persisted", reservationId);
    }

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build();

    private static byte[] Bytes(string hex) => Convert.FromHexString(hex);

    private static bool Contains(byte[] body, byte[] part) => body.AsSpan().IndexOf(part) >= 0;
}
