using System.Diagnostics;
using OpenTelemetry;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.WebApi;

/// <summary>
/// With traces on, the store commands a request runs are spans of the request's trace. The test's own HTTP calls are
/// not traced: the API's tracer sees them (one process), would drop them as lone client spans, and the API would then
/// follow that decision for the request.
/// </summary>
// The span sources are the whole process's: another class running at once would put its spans in the recorder.
[Collection(RunsAlone.Name)]
public sealed class TracingTests(TracingApiFactory api) : IClassFixture<TracingApiFactory>
{
    private const string RedisSource = "OpenTelemetry.Instrumentation.StackExchangeRedis";
    private const string PostgresSource = "Npgsql";

    [Fact]
    public async Task AReserve_HasItsRedisCommandsAsSpansUnderTheRequest()
    {
        using (SuppressInstrumentationScope.Begin())
        {
            var product = await api.CreateProductAsync(stock: 5);
            await api.CreateClient(Tokens.Customer("tracer")).ReserveOkAsync(product.Id);
        }

        var request = await ServerSpanAsync("POST", "/api/reservations");
        await Eventually.TrueAsync(() => Task.FromResult(SpansOf(request).Any(s => s.Source.Name == RedisSource)), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ACreatedProduct_HasItsPostgresAndRedisCommandsAsSpansUnderTheRequest()
    {
        using (SuppressInstrumentationScope.Begin())
        {
            await api.CreateProductAsync(stock: 5);
        }

        var request = await ServerSpanAsync("POST", "/api/products");
        await Eventually.TrueAsync(() => Task.FromResult(
            SpansOf(request).Any(s => s.Source.Name == PostgresSource)
            && SpansOf(request).Any(s => s.Source.Name == RedisSource)), TimeSpan.FromSeconds(5));
    }

    private async Task<Activity> ServerSpanAsync(string method, string path)
    {
        Activity? request = null;
        await Eventually.TrueAsync(() =>
        {
            request = api.Spans.Spans.LastOrDefault(s => s.Kind == ActivityKind.Server
                && s.GetTagItem("http.request.method") as string == method && s.GetTagItem("url.path") as string == path);
            return Task.FromResult(request is not null);
        }, TimeSpan.FromSeconds(5));
        return request!;
    }

    /// <summary>The store spans below the request span (its children, or theirs).</summary>
    private List<Activity> SpansOf(Activity request)
    {
        var spans = api.Spans.Spans.Where(s => s.TraceId == request.TraceId).ToDictionary(s => s.SpanId);
        return [.. spans.Values.Where(s => s.Source.Name is RedisSource or PostgresSource && IsBelow(s, request.SpanId, spans))];
    }

    private static bool IsBelow(Activity span, ActivitySpanId ancestor, Dictionary<ActivitySpanId, Activity> spans) =>
        span.ParentSpanId == ancestor
        || (spans.TryGetValue(span.ParentSpanId, out var parent) && IsBelow(parent, ancestor, spans));
}
