using Reservations.Application.Products.LiveAvailability;

namespace Reservations.UnitTests.Application.Products.LiveAvailability;

public class FeedReadTests
{
    private static readonly FeedRead Feed = new(
        new FeedId(1_000, 0), Entry(new FeedId(3_000, 1)), [Entry(new FeedId(3_000, 1))]);

    [Theory]
    [InlineData(1_000, 0)]
    [InlineData(2_000, 5)]
    [InlineData(3_000, 1)]
    public void CanResumeAfter_AnIdFromTheOldestRetainedToTheLatest_IsTrue(long milliseconds, long sequence) =>
        Feed.CanResumeAfter(new FeedId(milliseconds, sequence)).Should().BeTrue();

    [Theory]
    [InlineData(999, 9)]
    [InlineData(3_000, 2)]
    [InlineData(4_000, 0)]
    public void CanResumeAfter_AnIdBeforeTheOldestOrAfterTheLatest_IsFalse(long milliseconds, long sequence) =>
        Feed.CanResumeAfter(new FeedId(milliseconds, sequence)).Should().BeFalse();

    [Fact]
    public void CanResumeAfter_WithoutGateState_IsFalse() =>
        FeedRead.NoGateState.CanResumeAfter(new FeedId(1, 0)).Should().BeFalse();

    private static AvailabilityEntry Entry(FeedId id) => new(id, Guid.NewGuid(), 1, 2, 3, DateTimeOffset.UnixEpoch);
}
