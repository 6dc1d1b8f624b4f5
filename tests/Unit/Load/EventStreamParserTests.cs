using Reservations.Load.Availability;

namespace Reservations.UnitTests.Load;

public class EventStreamParserTests
{
    [Fact]
    public void Feed_JoinsDataLinesAndDispatchesOnABlankLine()
    {
        var parser = new EventStreamParser();

        parser.Feed("id: 1-0").Should().BeNull();
        parser.Feed("event:availability").Should().BeNull();
        parser.Feed("data: a").Should().BeNull();
        parser.Feed("data:  b").Should().BeNull();
        var frame = parser.Feed(string.Empty);

        frame.Should().Be(new EventStreamFrame("1-0", "availability", "a\n b", null, null));
    }

    [Fact]
    public void Feed_ABlankLineWithNothingBefore_EndsNoFrame_AndFramesDoNotCarryOver()
    {
        var parser = new EventStreamParser();

        parser.Feed(string.Empty).Should().BeNull();
        parser.Feed(": keep-alive");
        parser.Feed(string.Empty).Should().Be(new EventStreamFrame(null, null, null, "keep-alive", null));
        parser.Feed("retry: 2000");
        parser.Feed(string.Empty).Should().Be(new EventStreamFrame(null, null, null, null, 2000));
    }
}
