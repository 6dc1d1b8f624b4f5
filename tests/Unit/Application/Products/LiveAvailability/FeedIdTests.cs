using Reservations.Application.Products.LiveAvailability;

namespace Reservations.UnitTests.Application.Products.LiveAvailability;

public class FeedIdTests
{
    [Theory]
    [InlineData("1733526000000-0", 1733526000000, 0)]
    [InlineData("1-18", 1, 18)]
    [InlineData("0-0", 0, 0)]
    public void TryParse_AStreamEntryId_ReadsItsMillisecondsAndSequence(string text, long milliseconds, long sequence)
    {
        FeedId.TryParse(text, out var id).Should().BeTrue();

        id.Should().Be(new FeedId(milliseconds, sequence));
        id.ToString().Should().Be(text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1733526000000")]
    [InlineData("-5")]
    [InlineData("5-")]
    [InlineData("a-1")]
    [InlineData("1-2-3")]
    [InlineData("+1-2")]
    [InlineData(" 1-2")]
    [InlineData("99999999999999999999-0")]
    public void TryParse_AnythingElse_Fails(string? text) => FeedId.TryParse(text, out _).Should().BeFalse();

    [Fact]
    public void Ids_OrderByMillisecondsThenSequence()
    {
        FeedId[] ids = [new(2, 0), new(1, 10), new(1, 2), new(10, 0)];

        ids.Order().Should().Equal(new FeedId(1, 2), new FeedId(1, 10), new FeedId(2, 0), new FeedId(10, 0));
        (new FeedId(1, 10) < new FeedId(2, 0)).Should().BeTrue();
        (new FeedId(2, 0) >= new FeedId(2, 0)).Should().BeTrue();
    }
}
