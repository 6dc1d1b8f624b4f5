using Reservations.Load.Sale;

namespace Reservations.UnitTests.Load;

public class SaleCartTests
{
    private static readonly Guid[] Products = [.. Enumerable.Range(0, 5).Select(_ => Guid.CreateVersion7())];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void Choose_TakesThatManyDistinctProductsOfTheSale_EachOneToMaxUnits(int lines)
    {
        var random = new Random(7);

        for (var reserve = 0; reserve < 200; reserve++)
        {
            var cart = SaleCart.Choose(random, Products, lines, maxQuantity: 3);

            cart.Should().HaveCount(lines);
            cart.Select(l => l.ProductId).Should().OnlyHaveUniqueItems().And.BeSubsetOf(Products);
            cart.Should().OnlyContain(l => l.Quantity >= 1 && l.Quantity <= 3);
        }
    }

    [Fact]
    public void Choose_FromTheSameSeed_TakesTheSameCarts()
    {
        IReadOnlyList<SaleLine>[] Carts(int seed)
        {
            var random = new Random(seed);
            return [.. Enumerable.Range(0, 50).Select(_ => SaleCart.Choose(random, Products, 3, maxQuantity: 4))];
        }

        Carts(11).Should().BeEquivalentTo(Carts(11), o => o.WithStrictOrdering());
        Carts(11).Should().NotBeEquivalentTo(Carts(12), o => o.WithStrictOrdering());
    }

    [Fact]
    public void Choose_MoreLinesThanProducts_Throws() =>
        FluentActions.Invoking(() => SaleCart.Choose(new Random(1), Products, 6, maxQuantity: 1))
            .Should().Throw<ArgumentOutOfRangeException>();
}
