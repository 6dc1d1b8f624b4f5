using FluentValidation.TestHelper;
using Reservations.Application.Holds.Reserve;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;

namespace Reservations.UnitTests.Application.Holds.Reserve;

public class ReserveItemValidatorTests
{
    private const string KeyProperty = "Idempotency-Key";

    private static readonly ReserveItemCommand Valid = new("alice", Guid.CreateVersion7(), 2, null);

    private readonly ReserveItemValidator _validator = new();

    public static TheoryData<string> InvalidCustomers => ["", new string('c', CustomerId.MaxLength + 1), "ali\u0001ce"];

    public static TheoryData<string> ValidKeys => ["k", "3f1c9a4e-0b7d-4c55-9d1e-2b6f8a7c0e11", " !~{}|:", new string('k', 255)];

    public static TheoryData<string> InvalidKeys => ["", new string('k', 256), "key\u0001", "clé", "key\n", "key\u007f", "key\0"];

    [Fact]
    public void Validate_WhenEveryFieldValidWithoutKey_Passes() => _validator.TestValidate(Valid).ShouldNotHaveAnyValidationErrors();

    [Theory]
    [MemberData(nameof(ValidKeys))]
    public void Validate_WhenKeyIsOneTo255PrintableAscii_Passes(string key) =>
        _validator.TestValidate(Valid with { IdempotencyKey = key }).ShouldNotHaveAnyValidationErrors();

    [Theory]
    [MemberData(nameof(InvalidKeys))]
    public void Validate_WhenKeyEmptyTooLongOrNotPrintableAscii_FailsOnIdempotencyKeyOnly(string key) =>
        ShouldFailOnlyOn(Valid with { IdempotencyKey = key }, KeyProperty);

    [Theory]
    [MemberData(nameof(InvalidCustomers))]
    public void Validate_WhenCustomerIdInvalid_FailsOnCustomerIdOnly(string customer) =>
        ShouldFailOnlyOn(Valid with { CustomerId = customer }, nameof(ReserveItemCommand.CustomerId));

    [Fact]
    public void Validate_WhenProductIdEmpty_FailsOnProductIdOnly() =>
        ShouldFailOnlyOn(Valid with { ProductId = Guid.Empty }, nameof(ReserveItemCommand.ProductId));

    [Fact]
    public void Validate_WhenACartLinesProductIdEmpty_FailsOnThatLineOnly() =>
        ShouldFailOnlyOn(WithItems((Guid.CreateVersion7(), 1), (Guid.Empty, 1)), "Items[1].ProductId");

    [Fact]
    public void Validate_WhenBothFormsAreGiven_FailsOnProductIdAndQuantity()
    {
        var result = _validator.TestValidate(Valid with { Items = [new ReserveItemLine(Guid.CreateVersion7(), 1)] });

        result.Errors.Select(e => e.PropertyName).Should().BeEquivalentTo(
            [nameof(ReserveItemCommand.ProductId), nameof(ReserveItemCommand.Quantity)]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(Quantity.MaxValue + 1)]
    public void Validate_WhenQuantityOutOfRange_FailsOnQuantityOnly(int quantity) =>
        ShouldFailOnlyOn(Valid with { Quantity = quantity }, nameof(ReserveItemCommand.Quantity));

    [Theory]
    [InlineData(0)]
    [InlineData(Quantity.MaxValue + 1)]
    public void Validate_WhenACartLinesQuantityOutOfRange_FailsOnThatLineOnly(int quantity) =>
        ShouldFailOnlyOn(WithItems((Guid.CreateVersion7(), 1), (Guid.CreateVersion7(), quantity)), "Items[1].Quantity");

    [Theory]
    [InlineData(1)]
    [InlineData(1000)]
    public void Validate_WhenQuantityAtBounds_Passes(int quantity)
    {
        _validator.TestValidate(Valid with { Quantity = quantity }).ShouldNotHaveAnyValidationErrors();
        _validator.TestValidate(WithItems((Guid.CreateVersion7(), quantity))).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Validate_WhenAnItemIsNull_FailsOnItemsOnly() =>
        ShouldFailOnlyOn(Valid with { ProductId = null, Quantity = null, Items = [new ReserveItemLine(Guid.CreateVersion7(), 1), null!] },
            nameof(ReserveItemCommand.Items));

    [Theory]
    [InlineData(1)]
    [InlineData(Hold.MaxLines)]
    public void Validate_WhenOneToTwentyDistinctProducts_Passes(int lines) =>
        _validator.TestValidate(WithItems([.. Enumerable.Range(0, lines).Select(_ => (Guid.CreateVersion7(), 1))]))
            .ShouldNotHaveAnyValidationErrors();

    [Theory]
    [InlineData(0)]
    [InlineData(Hold.MaxLines + 1)]
    public void Validate_WhenNoItemsOrMoreThanTwenty_FailsOnItemsOnly(int lines) =>
        ShouldFailOnlyOn(WithItems([.. Enumerable.Range(0, lines).Select(_ => (Guid.CreateVersion7(), 1))]), nameof(ReserveItemCommand.Items));

    [Fact]
    public void Validate_WhenAProductAppearsTwice_FailsOnItemsOnly()
    {
        var product = Guid.CreateVersion7();

        ShouldFailOnlyOn(WithItems((product, 1), (Guid.CreateVersion7(), 1), (product, 2)), nameof(ReserveItemCommand.Items));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(86_400)]
    public void Validate_WhenHoldSecondsFromOneToADay_Passes(int seconds) =>
        _validator.TestValidate(Valid with { HoldSeconds = seconds }).ShouldNotHaveAnyValidationErrors();

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(86_401)]
    public void Validate_WhenHoldSecondsOutOfRange_FailsOnHoldSecondsOnly(int seconds) =>
        ShouldFailOnlyOn(Valid with { HoldSeconds = seconds }, nameof(ReserveItemCommand.HoldSeconds));

    private static ReserveItemCommand WithItems(params (Guid ProductId, int Quantity)[] items) =>
        Valid with { ProductId = null, Quantity = null, Items = [.. items.Select(item => new ReserveItemLine(item.ProductId, item.Quantity))] };

    private void ShouldFailOnlyOn(ReserveItemCommand command, string property)
    {
        var result = _validator.TestValidate(command);

        result.ShouldHaveValidationErrorFor(property);
        result.Errors.Should().ContainSingle().Which.PropertyName.Should().Be(property);
    }
}
