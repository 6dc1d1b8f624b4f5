using Reservations.Domain.Products;

namespace Reservations.UnitTests.Domain.Products;

public class ProductEditTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 25, 13, 10, 4, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Created.AddHours(1);
    private static readonly DateTimeOffset Opens = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Edit_WhenTermsDiffer_SetsThem_AndReturnsEachChangedFieldWithBeforeAndAfter()
    {
        var product = Create();
        var terms = product.Terms with { Price = Money.From(10m), MaxPerCustomer = null, SalesOpenAt = Opens, Paused = true };

        var changes = product.Edit(terms, Now);

        changes.Should().Equal(
            new ProductFieldChange("price", 49.90m, 10m),
            new ProductFieldChange("maxPerCustomer", 2, null),
            new ProductFieldChange("salesOpenAt", null, Opens),
            new ProductFieldChange("paused", false, true));
        product.Terms.Should().Be(terms);
        product.UpdatedAt.Should().Be(Now);
    }

    [Fact]
    public void Edit_WhenTermsAreTheSame_ChangesNothing_NotEvenUpdatedAt()
    {
        var product = Create();

        product.Edit(product.Terms, Now).Should().BeEmpty();

        product.UpdatedAt.Should().Be(Created);
    }

    [Fact]
    public void Edit_KeepsSaleInstantsToTheMillisecondTheGateCompares()
    {
        var product = Create();

        product.Edit(product.Terms with { SalesOpenAt = Opens.AddTicks(9_999) }, Now);

        product.SalesOpenAt.Should().Be(Opens);
    }

    [Fact]
    public void Edit_WhenTheCapIsBelowTheHoldLength_Throws()
    {
        var product = Create();

        var edit = () => product.Edit(product.Terms with { Hold = HoldDuration.FromSeconds(1000) }, Now);

        edit.Should().Throw<ArgumentOutOfRangeException>();
        product.HoldSeconds.Should().Be(300);
    }

    [Fact]
    public void Edit_WhenTheSaleClosesBeforeItOpens_Throws()
    {
        var product = Create();

        var edit = () => product.Edit(product.Terms with { SalesOpenAt = Opens, SalesCloseAt = Opens }, Now);

        edit.Should().Throw<ArgumentOutOfRangeException>();
        product.SalesOpenAt.Should().BeNull();
    }

    [Fact]
    public void Create_WithASaleWindow_KeepsIt_AndRefusesOneThatClosesBeforeItOpens()
    {
        Create(new SalesWindow(Opens, Opens.AddHours(1), Paused: true)).Terms
            .Should().BeEquivalentTo(new { SalesOpenAt = Opens, SalesCloseAt = Opens.AddHours(1), Paused = true });

        var create = () => Create(new SalesWindow(Opens, Opens.AddHours(-1), Paused: false));
        create.Should().Throw<ArgumentOutOfRangeException>();
    }

    private static Product Create(SalesWindow window = default) =>
        Product.Create(Guid.CreateVersion7(), Sku.From("TICKET-1"), "Ticket", Money.From(49.90m), 10, 2, HoldDuration.FromSeconds(300), Created, window: window);
}
