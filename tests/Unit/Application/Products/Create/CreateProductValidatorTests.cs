using FluentValidation.TestHelper;
using Microsoft.Extensions.Options;
using Reservations.Application.Common;
using Reservations.Application.Products.Create;
using Reservations.Domain.Products;

namespace Reservations.UnitTests.Application.Products.Create;

public class CreateProductValidatorTests
{
    private static readonly CreateProductCommand Valid = new("TICKET-1", "Concert ticket", 49.90m, 250, 4, 300);

    private readonly CreateProductValidator _validator = new(Options.Create(new ReservationsOptions { DefaultHoldSeconds = 600 }));

    public static TheoryData<string> InvalidSkus => ["", new string('A', Sku.MaxLength + 1), "-abc", "ab c", "ab\0c", "abc\n"];

    public static TheoryData<string> InvalidNames => ["", "   ", new string('n', Product.NameMaxLength + 1), "bad\0name"];

    public static TheoryData<decimal> InvalidPrices => [-0.01m, 1.001m, Money.MaxValue + 0.01m];

    [Fact]
    public void Validate_WhenEveryFieldValid_Passes() => _validator.TestValidate(Valid).ShouldNotHaveAnyValidationErrors();

    public static TheoryData<string> InvalidSaleIds => ["", new string('s', Product.SaleIdMaxLength + 1), "tour 2026", "tour/2026", "tour{1}", "tour\n"];

    [Fact]
    public void Validate_WhenSaleIdHasEveryAllowedCharacter_Passes() =>
        _validator.TestValidate(Valid with { SaleId = "Tour_2026.GA-" + new string('s', Product.SaleIdMaxLength - 13) }).ShouldNotHaveAnyValidationErrors();

    [Theory]
    [MemberData(nameof(InvalidSaleIds))]
    public void Validate_WhenSaleIdInvalid_FailsOnSaleIdOnly(string saleId) =>
        ShouldFailOnlyOn(Valid with { SaleId = saleId }, nameof(CreateProductCommand.SaleId));

    [Fact]
    public void Validate_WhenLimitAndHoldAbsent_Passes() =>
        _validator.TestValidate(Valid with { MaxPerCustomer = null, HoldSeconds = null }).ShouldNotHaveAnyValidationErrors();

    [Theory]
    [MemberData(nameof(InvalidSkus))]
    public void Validate_WhenSkuInvalid_FailsOnSkuOnly(string sku) =>
        ShouldFailOnlyOn(Valid with { Sku = sku }, nameof(CreateProductCommand.Sku));

    [Theory]
    [MemberData(nameof(InvalidNames))]
    public void Validate_WhenNameInvalid_FailsOnNameOnly(string name) =>
        ShouldFailOnlyOn(Valid with { Name = name }, nameof(CreateProductCommand.Name));

    [Theory]
    [MemberData(nameof(InvalidPrices))]
    public void Validate_WhenPriceInvalid_FailsOnPriceOnly(decimal price) =>
        ShouldFailOnlyOn(Valid with { Price = price }, nameof(CreateProductCommand.Price));

    [Theory]
    [InlineData(-1)]
    [InlineData(Product.MaxStock + 1)]
    public void Validate_WhenStockOutOfRange_FailsOnStockOnly(int stock) =>
        ShouldFailOnlyOn(Valid with { Stock = stock }, nameof(CreateProductCommand.Stock));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Validate_WhenLimitBelowOne_FailsOnLimitOnly(int limit) =>
        ShouldFailOnlyOn(Valid with { MaxPerCustomer = limit }, nameof(CreateProductCommand.MaxPerCustomer));

    [Theory]
    [InlineData(0)]
    [InlineData(86_401)]
    public void Validate_WhenHoldSecondsOutOfRange_FailsOnHoldSecondsOnly(int seconds) =>
        ShouldFailOnlyOn(Valid with { HoldSeconds = seconds }, nameof(CreateProductCommand.HoldSeconds));

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(Product.MaxStock, Product.MaxStock, 86_400)]
    public void Validate_WhenAtBounds_Passes(int stock, int limit, int seconds) =>
        _validator.TestValidate(Valid with { Price = 0m, Stock = stock, MaxPerCustomer = limit, HoldSeconds = seconds })
            .ShouldNotHaveAnyValidationErrors();

    [Theory]
    [InlineData("1969-12-31T23:59:59Z")]
    [InlineData("1999-12-31T23:59:59Z")]
    [InlineData("3000-01-01T00:00:00Z")]
    [InlineData("9999-12-31T00:00:00Z")]
    public void Validate_WhenASaleInstantIsOutside2000To2999_FailsOnIt(string instant)
    {
        var at = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

        ShouldFailOnlyOn(Valid with { SalesOpenAt = at }, nameof(CreateProductCommand.SalesOpenAt));
        ShouldFailOnlyOn(Valid with { SalesCloseAt = at }, nameof(CreateProductCommand.SalesCloseAt));
    }

    [Fact]
    public void Validate_WhenTheSaleClosesWhenOrBeforeItOpens_FailsOnSalesCloseAtOnly()
    {
        var opens = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

        ShouldFailOnlyOn(Valid with { SalesOpenAt = opens, SalesCloseAt = opens }, nameof(CreateProductCommand.SalesCloseAt));
        _validator.TestValidate(Valid with { SalesOpenAt = opens, SalesCloseAt = opens.AddMilliseconds(1), Paused = true })
            .ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData(300, 300)]
    [InlineData(300, 86_400)]
    [InlineData(null, 600)]
    public void Validate_WhenMaxHoldSecondsFromTheHoldToADay_Passes(int? holdSeconds, int maxHoldSeconds) =>
        _validator.TestValidate(Valid with { HoldSeconds = holdSeconds, MaxHoldSeconds = maxHoldSeconds })
            .ShouldNotHaveAnyValidationErrors();

    [Theory]
    [InlineData(300, 299)]
    [InlineData(300, 86_401)]
    [InlineData(null, 599)]
    [InlineData(300, 0)]
    public void Validate_WhenMaxHoldSecondsBelowTheHoldOrAboveADay_FailsOnMaxHoldSecondsOnly(int? holdSeconds, int maxHoldSeconds) =>
        ShouldFailOnlyOn(Valid with { HoldSeconds = holdSeconds, MaxHoldSeconds = maxHoldSeconds }, nameof(CreateProductCommand.MaxHoldSeconds));

    private void ShouldFailOnlyOn(CreateProductCommand command, string property)
    {
        var result = _validator.TestValidate(command);

        result.ShouldHaveValidationErrorFor(property);
        result.Errors.Should().ContainSingle().Which.PropertyName.Should().Be(property);
    }
}
