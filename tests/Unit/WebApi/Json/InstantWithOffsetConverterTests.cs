using System.Text.Json;
using Reservations.WebApi.Json;

namespace Reservations.UnitTests.WebApi.Json;

public class InstantWithOffsetConverterTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new InstantWithOffsetConverter() } };

    [Theory]
    [InlineData("\"2026-12-07T10:00:00Z\"", "2026-12-07T10:00:00+00:00")]
    [InlineData("\"2026-12-07T11:00:00.5+01:00\"", "2026-12-07T10:00:00.5+00:00")]
    [InlineData("\"2026-12-07T05:00:00-05:00\"", "2026-12-07T10:00:00+00:00")]
    public void Read_AnInstantWithItsOffset_IsThatInstant(string json, string expected) =>
        JsonSerializer.Deserialize<DateTimeOffset?>(json, Options)!.Value.UtcDateTime
            .Should().Be(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime);

    [Theory]
    [InlineData("\"2026-12-07T10:00:00\"")]
    [InlineData("\"2026-12-07\"")]
    [InlineData("\"tomorrow\"")]
    [InlineData("1796599585715")]
    public void Read_WithoutAnOffset_IsRefused(string json)
    {
        var read = () => JsonSerializer.Deserialize<DateTimeOffset?>(json, Options);

        read.Should().Throw<JsonException>();
    }

    [Fact]
    public void Write_IsTheDefaultRoundTripForm() =>
        JsonSerializer.Serialize(new DateTimeOffset(2026, 12, 7, 10, 0, 0, 415, TimeSpan.Zero), Options)
            .Should().Be(JsonSerializer.Serialize(new DateTimeOffset(2026, 12, 7, 10, 0, 0, 415, TimeSpan.Zero)));
}
