using System.Text;
using Reservations.Application.Products.LiveAvailability;
using Reservations.Load.Availability;
using Reservations.WebApi.LiveAvailability;

namespace Reservations.UnitTests.WebApi.LiveAvailability;

public class ServerSentEventsTests
{
    private static readonly Guid Product = Guid.Parse("01a212fe-11bf-7ac6-9dca-37e1fd0586f0");

    [Fact]
    public void Event_IsOneBlockWithItsIdNameAndFiguresAsCamelCaseJson()
    {
        var entry = new AvailabilityEntry(new FeedId(1764979200123, 2), Product, 5, 3, 2, DateTimeOffset.FromUnixTimeMilliseconds(1764979200123));

        var text = Encoding.UTF8.GetString(ServerSentEvents.Event(entry));

        text.Should().Be(
            "id: 1764979200123-2\nevent: availability\n" +
            "data: {\"productId\":\"01a212fe-11bf-7ac6-9dca-37e1fd0586f0\",\"available\":5,\"held\":3,\"sold\":2,\"at\":\"2025-12-06T00:00:00.123+00:00\"}\n\n");
    }

    [Fact]
    public void Event_OfTheSameEntry_IsFormattedOnceForEveryStream()
    {
        var entry = new AvailabilityEntry(new FeedId(1, 0), Product, 1, 0, 0, DateTimeOffset.UnixEpoch);

        ServerSentEvents.Event(entry).Should().BeSameAs(ServerSentEvents.Event(entry));
    }

    [Fact]
    public void RetryAndKeepAlive_AreAHintAndAComment()
    {
        Encoding.UTF8.GetString(ServerSentEvents.Retry(TimeSpan.FromSeconds(2))).Should().Be("retry: 2000\n\n");
        Encoding.UTF8.GetString(ServerSentEvents.KeepAlive.Span).Should().Be(": keep-alive\n\n");
    }

    [Fact]
    public void WhatTheServerWrites_AClientParsesBack()
    {
        var entry = new AvailabilityEntry(new FeedId(7, 1), Product, 9, 1, 0, DateTimeOffset.FromUnixTimeMilliseconds(7));
        var text = Encoding.UTF8.GetString(ServerSentEvents.Retry(TimeSpan.FromSeconds(2)))
            + Encoding.UTF8.GetString(ServerSentEvents.KeepAlive.Span)
            + Encoding.UTF8.GetString(ServerSentEvents.Event(entry));
        var parser = new EventStreamParser();

        var frames = text.Split('\n').Select(parser.Feed).OfType<EventStreamFrame>().ToList();

        frames.Should().HaveCount(3);
        frames[0].RetryMs.Should().Be(2000);
        frames[1].Comment.Should().Be("keep-alive");
        frames[2].Should().BeEquivalentTo(new { Id = "7-1", Event = "availability", IsEvent = true });
        AvailabilityData.Parse(frames[2].Data!).Should().Be(new AvailabilityData(Product, 9, 1, 0, DateTimeOffset.FromUnixTimeMilliseconds(7)));
    }
}
