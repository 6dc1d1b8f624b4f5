using System.Threading.Channels;
using Reservations.Application.Products.LiveAvailability;

namespace Reservations.UnitTests.Application.Products.LiveAvailability;

public class AvailabilitySubscriptionTests
{
    private readonly Channel<AvailabilityEntry> _channel = Channel.CreateUnbounded<AvailabilityEntry>();

    [Fact]
    public void TryRead_SkipsEntriesAtOrBeforeTheLastOneSent_TheFirstOnesIncluded()
    {
        using var subscription = new AvailabilitySubscription(_channel.Reader, [Entry(1), Entry(2)], null, () => { });
        foreach (var ms in new[] { 1, 2, 3, 3, 2, 4 })
        {
            _channel.Writer.TryWrite(Entry(ms));
        }

        List<long> read = [];
        while (subscription.TryRead(out var entry))
        {
            read.Add(entry.Id.Milliseconds);
        }

        read.Should().Equal(3, 4);
    }

    [Fact]
    public void TryRead_AfterAResumeWithNothingMissed_SkipsEntriesAtOrBeforeTheClientsLastEventId()
    {
        using var subscription = new AvailabilitySubscription(_channel.Reader, [], new FeedId(5, 0), () => { });
        foreach (var ms in new[] { 3, 5, 6 })
        {
            _channel.Writer.TryWrite(Entry(ms));
        }

        subscription.TryRead(out var entry).Should().BeTrue();
        entry.Id.Milliseconds.Should().Be(6);
        subscription.TryRead(out _).Should().BeFalse();
    }

    [Fact]
    public async Task WaitAsync_WithNothingToRead_IsFalseOnceTheTimeoutPassed_TrueWhenAnEntryComes()
    {
        using var subscription = new AvailabilitySubscription(_channel.Reader, [], null, () => { });

        (await subscription.WaitAsync(TimeSpan.FromMilliseconds(20), TestContext.Current.CancellationToken)).Should().BeFalse();
        _channel.Writer.TryWrite(Entry(1));
        (await subscription.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)).Should().BeTrue();
    }

    [Fact]
    public void Dispose_Unsubscribes_Once()
    {
        var unsubscribed = 0;
        var subscription = new AvailabilitySubscription(_channel.Reader, [], null, () => unsubscribed++);

        subscription.Dispose();
        subscription.Dispose();

        unsubscribed.Should().Be(1);
    }

    private static AvailabilityEntry Entry(long milliseconds) =>
        new(new FeedId(milliseconds, 0), Guid.Empty, 1, 0, 0, DateTimeOffset.UnixEpoch);
}
