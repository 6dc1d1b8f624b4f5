using System.Net;
using System.Text.Json;
using Reservations.Application.Products.LiveAvailability;
using Reservations.IntegrationTests.Fixtures;
using Reservations.Load.Availability;

namespace Reservations.IntegrationTests.WebApi.Products;

public sealed class LiveAvailabilityTests(LiveAvailabilityApiFactory api) : LiveAvailabilitySuite(api), IClassFixture<LiveAvailabilityApiFactory>;

[Collection(RedisCluster.Collection)]
public sealed class LiveAvailabilityOnClusterTests(LiveAvailabilityClusterApiFactory api)
    : LiveAvailabilitySuite(api), IClassFixture<LiveAvailabilityClusterApiFactory>;

public abstract class LiveAvailabilitySuite(LiveAvailabilityApiFactory api)
{
    private static readonly TimeSpan MinimumGap = TimeSpan.FromMilliseconds(200);
    private readonly HttpClient _anonymous = api.CreateClient(token: null);
    private readonly HttpClient _alice = api.CreateClient(Tokens.Customer("alice"));

    [Fact]
    public async Task Stream_StartsWithTheRetryHintAndASnapshotOfTheCurrentFigures()
    {
        var product = await api.CreateProductAsync(stock: 10);
        await _alice.ReserveOkAsync(product.Id, quantity: 3);
        var bought = await _alice.ReserveOkAsync(product.Id, quantity: 2);
        (await _alice.PurchaseAsync(bought.Id)).StatusCode.Should().Be(HttpStatusCode.OK);

        await using var stream = await _anonymous.OpenStreamAsync(product.Id);

        stream.Response.StatusCode.Should().Be(HttpStatusCode.OK);
        stream.Response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        stream.Response.Headers.CacheControl!.NoCache.Should().BeTrue();
        stream.Response.Headers.GetValues("X-Accel-Buffering").Should().Equal("no");
        var hint = await stream.NextAsync(StreamCalls.Patience, TestContext.Current.CancellationToken);
        hint!.Value.Frame.RetryMs.Should().Be(2000);
        var snapshot = await stream.NextEventAsync();
        snapshot.Name.Should().Be("availability");
        FeedId.TryParse(snapshot.Id, out _).Should().BeTrue();
        snapshot.Data.Should().BeEquivalentTo(new { ProductId = product.Id, Available = 5, Held = 3, Sold = 2 });
    }

    [Fact]
    public async Task ABurstOf50Reserves_IsCoalescedToAtMostFiveEventsASecond_TheLastWithTheFinalFigures()
    {
        var product = await api.CreateProductAsync(stock: 100);
        await using var stream = await _anonymous.OpenStreamAsync(product.Id);
        List<ReceivedEvent> events = [await stream.NextEventAsync()];

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            api.CreateClient(Tokens.Customer($"burst-{i}")).ReserveOkAsync(product.Id)));
        while (events[^1].Data.Available != 50)
        {
            events.Add(await stream.NextEventAsync());
        }

        events[^1].Data.Should().BeEquivalentTo(new { Available = 50, Held = 50, Sold = 0 });
        // Ids come from Redis's clock: 200 ms or more between any two entries is at most five a second.
        var ids = events.Select(e => FeedId.Parse(e.Id)).ToList();
        ids.Zip(ids.Skip(1)).Should().OnlyContain(pair => pair.Second.Milliseconds - pair.First.Milliseconds >= MinimumGap.TotalMilliseconds);
        (await stream.FramesWithinAsync(TimeSpan.FromSeconds(1))).Should().NotContain(f => f.IsEvent);
    }

    [Fact]
    public async Task AQuietProduct_GetsNoEventAfterItsSnapshot_OnlyKeepAliveComments()
    {
        var product = await api.CreateProductAsync(stock: 10);
        await using var stream = await _anonymous.OpenStreamAsync(product.Id);
        await stream.NextEventAsync();

        // Fifteen ticks and several keep-alive intervals (0.5 s in this fixture) with nothing changing.
        var frames = await stream.FramesWithinAsync(TimeSpan.FromSeconds(3));

        frames.Should().NotBeEmpty().And.OnlyContain(f => !f.IsEvent && f.Comment == "keep-alive");
    }

    [Fact]
    public async Task Resume_WithLastEventId_ReplaysExactlyTheMissedEventsInOrder()
    {
        var product = await api.CreateProductAsync(stock: 10);
        await using var watcher = await _anonymous.OpenStreamAsync(product.Id);
        List<ReceivedEvent> seen = [await watcher.NextEventAsync()];
        string lastEventId;
        await using (var disconnected = await _anonymous.OpenStreamAsync(product.Id))
        {
            lastEventId = (await disconnected.NextEventAsync()).Id;
        }

        for (var available = 9; available >= 7; available--)
        {
            // Each reserve waits for its own event, so each change is an entry of its own.
            await _alice.ReserveOkAsync(product.Id);
            seen.Add(await watcher.NextEventAsync());
            seen[^1].Data.Available.Should().Be(available);
        }

        await using var resumed = await _anonymous.OpenStreamAsync(product.Id, lastEventId);
        List<ReceivedEvent> replayed = [await resumed.NextEventAsync(), await resumed.NextEventAsync(), await resumed.NextEventAsync()];

        var missed = seen.Where(e => FeedId.Parse(e.Id) > FeedId.Parse(lastEventId)).ToList();
        missed.Should().HaveCount(3);
        replayed.Select(e => (e.Id, e.Data)).Should().Equal(missed.Select(e => (e.Id, e.Data)));
        (await resumed.FramesWithinAsync(TimeSpan.FromSeconds(1))).Should().NotContain(f => f.IsEvent);
    }

    [Fact]
    public async Task Resume_FromTheLatestId_OnAnInstanceNotWatchingTheProduct_SendsNothingUntilAChange()
    {
        var product = await api.CreateProductAsync(stock: 10);
        string latestId;
        await using (var first = await _anonymous.OpenStreamAsync(product.Id))
        {
            latestId = (await first.NextEventAsync()).Id;
        }

        await using var resumed = await _anonymous.OpenStreamAsync(product.Id, latestId);

        (await resumed.FramesWithinAsync(TimeSpan.FromSeconds(1))).Should().NotContain(f => f.IsEvent, "the client has the latest entry");
        await _alice.ReserveOkAsync(product.Id);
        var change = await resumed.NextEventAsync();
        FeedId.Parse(change.Id).Should().BeGreaterThan(FeedId.Parse(latestId));
        change.Data.Available.Should().Be(9);
    }

    [Fact]
    public async Task ARestockWhileWatched_EndsWithSoldUnchanged_OnceTheNewTotalIsRead()
    {
        var product = await api.CreateProductAsync(stock: 10);
        await _alice.ReserveOkAsync(product.Id, quantity: 2);
        await using var stream = await _anonymous.OpenStreamAsync(product.Id);
        (await stream.NextEventAsync()).Data.Should().BeEquivalentTo(new { Available = 8, Held = 2, Sold = 0 });

        (await api.CreateClient(Tokens.Admin()).AdjustStockAsync(product.Id, 5)).StatusCode.Should().Be(HttpStatusCode.Created);

        var latest = await stream.NextEventAsync();
        while (latest.Data.Sold != 0 || latest.Data.Available != 13)
        {
            latest = await stream.NextEventAsync();
        }

        latest.Data.Should().BeEquivalentTo(new { Available = 13, Held = 2, Sold = 0 });
    }

    [Theory]
    [InlineData("1-0")]
    [InlineData("99999999999999-0")]
    [InlineData("not-an-id")]
    public async Task Resume_FromAnIdTheFeedCannotReplayFrom_SendsTheCurrentFiguresOnly(string lastEventId)
    {
        var product = await api.CreateProductAsync(stock: 10);
        await _alice.ReserveOkAsync(product.Id, quantity: 2);
        await using var watcher = await _anonymous.OpenStreamAsync(product.Id);
        var current = await watcher.NextEventAsync();

        await using var resumed = await _anonymous.OpenStreamAsync(product.Id, lastEventId);
        var snapshot = await resumed.NextEventAsync();

        snapshot.Id.Should().Be(current.Id);
        snapshot.Data.Should().BeEquivalentTo(new { Available = 8, Held = 2, Sold = 0 });
        (await resumed.FramesWithinAsync(TimeSpan.FromSeconds(1))).Should().NotContain(f => f.IsEvent);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheStreamItsHeaderAndItsProblems()
    {
        var response = await _anonymous.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);

        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        var stream = document.GetProperty("paths").GetProperty("/api/products/{id}/availability/stream").GetProperty("get");
        stream.GetProperty("summary").GetString().Should().NotBeNullOrEmpty();
        stream.TryGetProperty("security", out _).Should().BeFalse();
        stream.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString())
            .Should().Contain("Last-Event-ID");
        var responses = stream.GetProperty("responses");
        responses.GetProperty("200").GetProperty("content").TryGetProperty("text/event-stream", out _).Should().BeTrue();
        foreach (var status in new[] { "404", "429", "503" })
        {
            responses.GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _).Should().BeTrue(status);
        }
    }

    [Fact]
    public async Task Stream_OfAnUnknownProduct_Is404ProblemInsteadOfAStream()
    {
        using var response = await _anonymous.GetAsync(
            new Uri(AvailabilityStreamClient.PathOf(Guid.NewGuid()), UriKind.Relative), TestContext.Current.CancellationToken);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "product-not-found");
    }
}
