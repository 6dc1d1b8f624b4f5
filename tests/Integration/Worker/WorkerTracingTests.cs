using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Instrumentation.StackExchangeRedis;
using OpenTelemetry.Trace;
using Reservations.Application.Common.Tracing;
using Reservations.Application.Purchases.Persist;
using Reservations.ServiceDefaults.Telemetry;
using Reservations.IntegrationTests.Fixtures;
using Reservations.Worker.Metrics;

namespace Reservations.IntegrationTests.Worker;

/// <summary>With traces on, the Worker's units of work are spans with their store commands below them, and nothing else is traced.</summary>
// The span sources are the whole process's: another class running at once would put its spans in the recorder.
[Collection(RunsAlone.Name)]
public sealed class WorkerTracingTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    [Fact]
    public async Task PersistingABatch_IsASpanWithItsPostgresAndRedisCommands_AndTheIdleReadsAreNotTraced()
    {
        var product = await api.CreateProductAsync(stock: 5);
        var dave = api.CreateClient(Tokens.Customer("dave"));
        (await dave.PurchaseAsync((await dave.ReserveOkAsync(product.Id)).Id)).EnsureSuccessStatusCode();
        var spans = new SpanRecorder();
        using var worker = TestWorker.Build(api, services =>
        {
            services.Configure<StackExchangeRedisInstrumentationOptions>(o => o.FlushInterval = TimeSpan.FromMilliseconds(50));
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(new SimpleActivityExportProcessor(spans)));
        }, (TelemetrySetup.TracingSetting, "true"));
        // The host is not started, so its hosted service has not built the tracer provider: build it.
        worker.Services.GetRequiredService<TracerProvider>();
        var shard = api.Keys.ShardOf(product.Id);
        var otherShard = (shard + 1) % api.Keys.Shards;

        await using (var scope = worker.Services.CreateAsyncScope())
        {
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            await sender.Send(new PersistPurchasesCommand(otherShard, Max: 10), TestContext.Current.CancellationToken);
            await sender.Send(new PersistPurchasesCommand(shard, Max: 10), TestContext.Current.CancellationToken);
        }

        await worker.Services.GetRequiredService<StockSampler>().SampleAsync(TestContext.Current.CancellationToken);

        await Eventually.TrueAsync(() => Task.FromResult(
            Below(spans, "persist purchases").Select(s => s.Source.Name).Distinct().Count() == 2
            && Below(spans, "sample stock").Any()), TimeSpan.FromSeconds(5));
        var persisted = spans.Spans.Where(s => s.Source.Name == ReservationsTracing.SourceName && s.DisplayName == "persist purchases").Should().ContainSingle().Subject;
        persisted.GetTagItem("shard").Should().Be(shard);
        spans.Spans.Should().NotContain(s => s.Kind == ActivityKind.Client && s.ParentSpanId == default, "a store command on its own is not traced");
    }

    private static IEnumerable<Activity> Below(SpanRecorder spans, string unitOfWork)
    {
        var all = spans.Spans;
        var units = all.Where(s => s.Source.Name == ReservationsTracing.SourceName && s.DisplayName == unitOfWork).Select(s => s.SpanId).ToHashSet();
        return all.Where(s => s.Kind == ActivityKind.Client && units.Contains(s.ParentSpanId));
    }
}
