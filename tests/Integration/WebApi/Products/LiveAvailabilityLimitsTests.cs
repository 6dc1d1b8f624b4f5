using System.Diagnostics;
using System.Net;
using Reservations.IntegrationTests.Fixtures;
using Reservations.Load.Availability;

namespace Reservations.IntegrationTests.WebApi.Products;

/// <summary>The bounds on open streams, what an open stream leaves to other requests, and the end of streams on shutdown.</summary>
public sealed class LiveAvailabilityLimitsTests(StreamsPerClientApiFactory perClient, StreamsPerProcessApiFactory perProcess)
    : IClassFixture<StreamsPerClientApiFactory>, IClassFixture<StreamsPerProcessApiFactory>
{
    [Fact]
    public async Task AStreamBeyondThePerAddressBound_Is429WithRetryAfter_UntilOneOfItsStreamsCloses()
    {
        var product = await perClient.CreateProductAsync(stock: 5);
        using var client = perClient.CreateClientFromOwnAddress();
        var first = await client.OpenStreamAsync(product.Id);
        await using var second = await client.OpenStreamAsync(product.Id);

        using var refused = await GetStreamAsync(client, product.Id);

        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "too-many-streams");
        refused.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(5));
        var metrics = await client.ScrapeUntilAsync("reason=\"too-many-streams\"");
        metrics.Should().Contain("reservations_availability_streams_refused_total{").And.Contain("reservations_availability_streams{");
        await first.DisposeAsync();
        await Eventually.TrueAsync(async () =>
        {
            using var another = await GetStreamAsync(client, product.Id);
            return another.StatusCode == HttpStatusCode.OK;
        }, StreamCalls.Patience);
    }

    [Fact]
    public async Task OpenStreams_LeaveTheirCallersRequestPermitAndTheProcessSlotToShortRequests()
    {
        var product = await perClient.CreateProductAsync(stock: 5);
        using var client = perClient.CreateClientFromOwnAddress();
        await using var stream = await client.OpenStreamAsync(product.Id);
        await stream.NextEventAsync();

        // One open request per caller and one in the process: a stream that kept either would make this 429 or 503.
        using var read = await client.GetAsync(new Uri($"/api/products/{product.Id}", UriKind.Relative), TestContext.Current.CancellationToken);

        read.StatusCode.Should().Be(HttpStatusCode.OK);
        stream.Response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AStreamBeyondTheProcessBound_Is503WithRetryAfter()
    {
        var product = await perProcess.CreateProductAsync(stock: 5);
        using var client = perProcess.CreateClientFromOwnAddress();
        await using var first = await client.OpenStreamAsync(product.Id);
        await using var second = await client.OpenStreamAsync(product.Id);

        using var refused = await GetStreamAsync(client, product.Id);

        await refused.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "service-unavailable");
        refused.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(5));
        first.Response.StatusCode.Should().Be(HttpStatusCode.OK);
        second.Response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task OpenStreams_EndWhenTheHostStops_WithoutHoldingUpItsShutdown()
    {
        var product = await perProcess.CreateProductAsync(stock: 5);
        var host = perProcess.WithWebHostBuilder(_ => { });
        await using var stream = await host.CreateClient(token: null).OpenStreamAsync(product.Id);
        await stream.NextEventAsync();

        var stopping = Stopwatch.StartNew();
        await host.DisposeAsync();

        // Kestrel waits up to the host's shutdown timeout (30 s) for open requests, then cuts them.
        stopping.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        await stream.Completion.WaitAsync(StreamCalls.Patience, TestContext.Current.CancellationToken);
        stream.Completion.IsCompletedSuccessfully.Should().BeTrue();
    }

    private static Task<HttpResponseMessage> GetStreamAsync(HttpClient client, Guid productId) =>
        client.GetAsync(new Uri(AvailabilityStreamClient.PathOf(productId), UriKind.Relative),
            HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
}
