using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Reservations.Application.Common.Tracing;
using Reservations.IntegrationTests.Fixtures;
using Reservations.ServiceDefaults.Telemetry;

namespace Reservations.IntegrationTests.Worker;

/// <summary>
/// With traces on in the API and the Worker, a purchase's trace goes on through its purchase stream entry: the Worker
/// persists the order in a span whose parent is the purchase request's, in the trace the storefront started at reserve.
/// </summary>
// The span sources are the whole process's: another class running at once would put its spans in the recorders.
[Collection(RunsAlone.Name)]
public sealed class PurchaseTraceTests(TracingApiFactory api) : IClassFixture<TracingApiFactory>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AReserveAndItsPurchase_AreOneTraceWithTheWorkersPersistedOrder()
    {
        var trace = ActivityTraceId.CreateRandom();
        Guid hold;
        // The test's own HTTP calls are not traced (TracingTests says why): the storefront's context goes in the header.
        using (SuppressInstrumentationScope.Begin())
        {
            var product = await api.CreateProductAsync(stock: 5);
            var shopper = api.CreateClient(Tokens.Customer("traced-shopper"));
            shopper.DefaultRequestHeaders.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
            hold = (await shopper.ReserveOkAsync(product.Id)).Id;
            (await shopper.PurchaseAsync(hold)).EnsureSuccessStatusCode();
        }

        var workerSpans = new SpanRecorder();
        var worker = TestWorker.Build(api,
            services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(new SimpleActivityExportProcessor(workerSpans))),
            (TelemetrySetup.TracingSetting, "true"));
        await worker.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            var reserve = await ServerSpanAsync("/api/reservations");
            var purchase = await ServerSpanAsync($"/api/reservations/{hold}/purchase");
            Activity? order = null;
            await Eventually.TrueAsync(() =>
            {
                order = workerSpans.Spans.SingleOrDefault(s => s.DisplayName == "persist order" && Equals(s.GetTagItem("reservation.id"), hold));
                return Task.FromResult(order is not null);
            }, Timeout);

            new[] { reserve.TraceId, purchase.TraceId, order!.TraceId }.Should().AllBeEquivalentTo(trace);
            order.ParentSpanId.Should().Be(purchase.SpanId, "the order is persisted as a child of its purchase request");
            order.GetTagItem("outcome").Should().Be("persisted");
            var batch = workerSpans.Spans.Should().ContainSingle(s => s.Source.Name == ReservationsTracing.SourceName
                && s.DisplayName == "persist purchases" && s.Links.Any(l => l.Context.SpanId == purchase.SpanId)).Subject;
            order.Links.Should().ContainSingle().Which.Context.SpanId.Should().Be(batch.SpanId);
            workerSpans.Spans.Should().Contain(s => s.Source.Name == "Npgsql" && s.ParentSpanId == batch.SpanId)
                .And.NotContain(s => s.ParentSpanId == order.SpanId, "the store commands belong to the batch");
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }
    }

    private async Task<Activity> ServerSpanAsync(string path)
    {
        Activity? request = null;
        await Eventually.TrueAsync(() =>
        {
            request = api.Spans.Spans.LastOrDefault(s => s.Kind == ActivityKind.Server && s.GetTagItem("url.path") as string == path);
            return Task.FromResult(request is not null);
        }, Timeout);
        return request!;
    }
}
