using Reservations.Domain.Customers;

namespace Reservations.UnitTests.Domain.Customers;

public class CustomerIdTests
{
    public static TheoryData<string> ValidIds => ["a", "alice", "auth0|5f7c8ec7c33c6c004bbafe82", "a:b c", new string('x', CustomerId.MaxLength)];

    public static TheoryData<string> InvalidIds => ["", new string('x', CustomerId.MaxLength + 1), "a\0b", "a\tb", "a\nb", "a\u007fb", "\u0085", "a\ud800", "\udc00b"];

    [Theory]
    [MemberData(nameof(ValidIds))]
    public void IsValid_WhenOneTo128PrintableCharacters_ReturnsTrue(string value) =>
        CustomerId.IsValid(value).Should().BeTrue();

    [Theory]
    [MemberData(nameof(InvalidIds))]
    public void IsValid_WhenEmptyTooLongOrControlCharacters_ReturnsFalse(string value) =>
        CustomerId.IsValid(value).Should().BeFalse();

    [Fact]
    public void IsValid_WhenNull_ReturnsFalse() => CustomerId.IsValid(null).Should().BeFalse();

    [Fact]
    public void From_WhenValid_KeepsValue() => CustomerId.From("alice").Value.Should().Be("alice");

    [Theory]
    [MemberData(nameof(InvalidIds))]
    public void From_WhenInvalid_ThrowsArgumentException(string value)
    {
        var act = () => CustomerId.From(value);

        act.Should().Throw<ArgumentException>();
    }
}
