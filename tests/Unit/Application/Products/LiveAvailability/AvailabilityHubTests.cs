using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using Reservations.Application.Common.Ports;
using Reservations.Application.Products.LiveAvailability;

namespace Reservations.UnitTests.Application.Products.LiveAvailability;

public class AvailabilityHubTests
{
    private static readonly Guid Product = Guid.CreateVersion7();
    private readonly ScriptedFeed _feed = new();
    private readonly ICatalog _catalog = Substitute.For<ICatalog>();
    private readonly AvailabilityHub _hub;

    public AvailabilityHubTests()
    {
        var services = new ServiceCollection().AddScoped(_ => _catalog).BuildServiceProvider();
        _hub = new AvailabilityHub(_feed, services.GetRequiredService<IServiceScopeFactory>());
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Tick_HandsEveryNewEntryToEachStreamOfTheProduct_ThenReadsAfterTheLastOneItHanded()
    {
        _feed.Next(Read(1, latest: 1));
        using var first = await _hub.OpenAsync(Product, 10, lastEventId: null, Cancel);
        _feed.Next(Read(1, latest: 1));
        using var second = await _hub.OpenAsync(Product, 10, lastEventId: null, Cancel);

        _feed.Next(Read(1, latest: 1));
        await _hub.TickAsync(Cancel);
        _feed.Next(Read(1, latest: 3, after: [2, 3]));
        await _hub.TickAsync(Cancel);

        first.First.Select(e => e.Id.Milliseconds).Should().Equal(1);
        ReadAll(first).Should().Equal(2, 3);
        ReadAll(second).Should().Equal(2, 3);
        _feed.Requests[^1].Should().Be(new FeedRequest(Product, 10, new FeedId(1, 0)));
    }

    [Theory]
    [InlineData("2-0", new long[] { 3, 4 })]
    [InlineData("1-0", new long[] { 4 })]
    [InlineData("5-0", new long[] { 4 })]
    [InlineData("junk", new long[] { 4 })]
    public async Task Open_StartsWithTheMissedEntries_WhenTheFeedStillHasThemAll_ElseWithTheLatest(string lastEventId, long[] expected)
    {
        _feed.Next(Read(2, latest: 4, after: lastEventId == "2-0" ? [3, 4] : []));

        using var subscription = await _hub.OpenAsync(Product, 10, lastEventId, Cancel);

        subscription.First.Select(e => e.Id.Milliseconds).Should().Equal(expected);
        _feed.Requests[0].After.Should().Be(FeedId.TryParse(lastEventId, out var id) ? id : null);
    }

    [Fact]
    public async Task AProductWhoseLastStreamClosed_IsNoLongerWatched()
    {
        _feed.Next(Read(1, latest: 1));
        var subscription = await _hub.OpenAsync(Product, 10, lastEventId: null, Cancel);
        _hub.TotalStockOf(Product).Should().Be(10);

        subscription.Dispose();
        await _hub.TickAsync(Cancel);

        _hub.TotalStockOf(Product).Should().BeNull();
        _feed.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task RefreshTotals_GivesTheNextTickTheCatalogsTotal()
    {
        _feed.Next(Read(1, latest: 1));
        using var subscription = await _hub.OpenAsync(Product, 10, lastEventId: null, Cancel);
        _catalog.GetTotalStocksAsync(Arg.Any<IReadOnlyCollection<Guid>>(), Arg.Any<CancellationToken>())
            .Returns(new Dictionary<Guid, int> { [Product] = 25 });

        await _hub.RefreshTotalsAsync(Cancel);
        _feed.Next(Read(1, latest: 1));
        await _hub.TickAsync(Cancel);

        _hub.TotalStockOf(Product).Should().Be(25);
        _feed.Requests[^1].TotalStock.Should().Be(25);
    }

    private static List<long> ReadAll(AvailabilitySubscription subscription)
    {
        List<long> read = [];
        while (subscription.TryRead(out var entry))
        {
            read.Add(entry.Id.Milliseconds);
        }

        return read;
    }

    private static FeedRead Read(long first, long latest, long[]? after = null) =>
        new(new FeedId(first, 0), Entry(latest), [.. (after ?? []).Select(Entry)]);

    private static AvailabilityEntry Entry(long milliseconds) =>
        new(new FeedId(milliseconds, 0), Product, 10, 0, 0, DateTimeOffset.FromUnixTimeMilliseconds(milliseconds));

    /// <summary>Answers each run with the next read queued, for every product asked, and records what it was asked.</summary>
    private sealed class ScriptedFeed : IAvailabilityFeed
    {
        private readonly Queue<FeedRead> _reads = new();

        public List<FeedRequest> Requests { get; } = [];

        public void Next(FeedRead read) => _reads.Enqueue(read);

        public Task<IReadOnlyList<FeedRead>> RunAsync(IReadOnlyList<FeedRequest> requests, CancellationToken cancellationToken)
        {
            Requests.AddRange(requests);
            var read = _reads.Dequeue();
            return Task.FromResult<IReadOnlyList<FeedRead>>([.. requests.Select(_ => read)]);
        }
    }
}
