using Reservations.Domain.Products;

namespace Reservations.UnitTests.Domain.Products;

public class SkuTests
{
    public static TheoryData<string> ValidSkus => ["A", "sku-1", "Tickets_2026.VIP", "9lives", new string('A', Sku.MaxLength)];

    public static TheoryData<string> InvalidSkus =>
        ["", new string('A', Sku.MaxLength + 1), "-sku", ".sku", "_sku", "sku 1", " sku", "sku\0", "sku:1", "sku{s1}", "skü", "abc\n"];

    [Theory]
    [MemberData(nameof(ValidSkus))]
    public void IsValid_WhenWellFormed_ReturnsTrue(string value) => Sku.IsValid(value).Should().BeTrue();

    [Theory]
    [MemberData(nameof(InvalidSkus))]
    public void IsValid_WhenMalformed_ReturnsFalse(string value) => Sku.IsValid(value).Should().BeFalse();

    [Fact]
    public void IsValid_WhenNull_ReturnsFalse() => Sku.IsValid(null).Should().BeFalse();

    [Fact]
    public void From_WhenValid_KeepsValue() => Sku.From("sku-1").Value.Should().Be("sku-1");

    [Theory]
    [MemberData(nameof(InvalidSkus))]
    public void From_WhenMalformed_ThrowsArgumentException(string value)
    {
        var act = () => Sku.From(value);

        act.Should().Throw<ArgumentException>();
    }
}
