using Reservations.Domain.Products;

namespace Reservations.UnitTests.Domain.Products;

public class ProductTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 13, 10, 4, TimeSpan.Zero);

    [Fact]
    public void Create_WhenValid_SetsEveryField()
    {
        var product = Create(name: "Concert ticket", stock: 250, maxPerCustomer: 4);

        product.Sku.Should().Be("TICKET-1");
        product.Name.Should().Be("Concert ticket");
        product.Price.Should().Be(49.90m);
        product.TotalStock.Should().Be(250);
        product.MaxPerCustomer.Should().Be(4);
        product.HoldSeconds.Should().Be(300);
        product.CreatedAt.Should().Be(Now);
        product.UpdatedAt.Should().Be(Now);
    }

    [Fact]
    public void Create_WhenValid_StartsWithNothingSold()
    {
        var product = Create(stock: 250);

        product.Sold.Should().Be(0);
        product.Unsold.Should().Be(250);
    }

    [Fact]
    public void Create_WhenGivenAnId_KeepsIt()
    {
        var id = Guid.CreateVersion7(Now);

        Product.Create(id, Sku.From("TICKET-1"), "Ticket", Money.From(49.90m), 10, null, HoldDuration.FromSeconds(300), Now).Id.Should().Be(id);
    }

    [Fact]
    public void Create_WithTheEmptyId_ThrowsArgumentOutOfRangeForIt()
    {
        var act = () => Product.Create(Guid.Empty, Sku.From("TICKET-1"), "Ticket", Money.From(49.90m), 10, null, HoldDuration.FromSeconds(300), Now);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("id");
    }

    [Fact]
    public void Create_WithSaleId_KeepsIt() => Create(saleId: "tour-2026").SaleId.Should().Be("tour-2026");

    [Theory]
    [InlineData("")]
    [InlineData("tour 2026")]
    [InlineData("tour{1}")]
    public void Create_WithInvalidSaleId_ThrowsArgumentOutOfRangeForIt(string saleId)
    {
        var act = () => Create(saleId: saleId);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("saleId");
    }

    [Fact]
    public void Create_WhenCalledTwice_GivesDistinctIds() => Create().Id.Should().NotBe(Create().Id);

    [Fact]
    public void Create_WhenNoLimit_KeepsNull() => Create(maxPerCustomer: null).MaxPerCustomer.Should().BeNull();

    public static TheoryData<string> InvalidNames => ["", "   ", "\t", new string('n', Product.NameMaxLength + 1), "bad\0name"];

    [Theory]
    [MemberData(nameof(InvalidNames))]
    public void Create_WhenNameInvalid_ThrowsArgumentOutOfRangeForName(string name)
    {
        var act = () => Create(name: name);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("name");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(Product.MaxStock + 1)]
    public void Create_WhenStockOutOfRange_ThrowsArgumentOutOfRangeForStock(int stock)
    {
        var act = () => Create(stock: stock);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("stock");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(Product.MaxStock + 1)]
    public void Create_WhenLimitOutOfRange_ThrowsArgumentOutOfRangeForLimit(int limit)
    {
        var act = () => Create(maxPerCustomer: limit);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("maxPerCustomer");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(Product.MaxStock)]
    public void Create_WhenStockAtBounds_Succeeds(int stock) => Create(stock: stock).TotalStock.Should().Be(stock);

    [Fact]
    public void Create_WithoutMaxHoldSeconds_CapsAtThreeHolds() => Create().MaxHoldSeconds.Should().Be(900);

    [Theory]
    [InlineData(300)]
    [InlineData(86_400)]
    public void Create_WithMaxHoldSecondsFromTheHoldToADay_KeepsIt(int maxHoldSeconds) =>
        Create(maxHoldSeconds: maxHoldSeconds).MaxHoldSeconds.Should().Be(maxHoldSeconds);

    [Theory]
    [InlineData(299)]
    [InlineData(86_401)]
    public void Create_WithMaxHoldSecondsBelowTheHoldOrAboveADay_ThrowsArgumentOutOfRangeForIt(int maxHoldSeconds)
    {
        var act = () => Create(maxHoldSeconds: maxHoldSeconds);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("maxHoldSeconds");
    }

    private static Product Create(
        string name = "Ticket", int stock = 10, int? maxPerCustomer = 2, int? maxHoldSeconds = null, string? saleId = null) =>
        Product.Create(Guid.CreateVersion7(), Sku.From("TICKET-1"), name, Money.From(49.90m), stock, maxPerCustomer, HoldDuration.FromSeconds(300), Now,
            maxHoldSeconds, saleId: saleId);
}
