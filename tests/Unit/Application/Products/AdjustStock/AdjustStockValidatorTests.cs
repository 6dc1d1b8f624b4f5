using FluentValidation.TestHelper;
using Reservations.Application.Products.AdjustStock;
using Reservations.Domain.Products;

namespace Reservations.UnitTests.Application.Products.AdjustStock;

public class AdjustStockValidatorTests
{
    private readonly AdjustStockValidator _validator = new();

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    [InlineData(Product.MaxStock)]
    [InlineData(-Product.MaxStock)]
    public void Validate_WhenNonZeroWithinMaxStock_Passes(int delta) =>
        _validator.TestValidate(new AdjustStockCommand(Guid.CreateVersion7(), delta, "admin")).ShouldNotHaveAnyValidationErrors();

    [Theory]
    [InlineData(0)]
    [InlineData(Product.MaxStock + 1)]
    [InlineData(-Product.MaxStock - 1)]
    [InlineData(int.MinValue)]
    public void Validate_WhenZeroOrBeyondMaxStock_FailsOnDeltaOnly(int delta)
    {
        var result = _validator.TestValidate(new AdjustStockCommand(Guid.CreateVersion7(), delta, "admin"));

        result.ShouldHaveValidationErrorFor(c => c.Delta);
        result.Errors.Should().ContainSingle().Which.PropertyName.Should().Be(nameof(AdjustStockCommand.Delta));
    }

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("line\nbreak")]
    public void Validate_WhenTheReasonHasControlCharacters_FailsOnReason(string reason) =>
        _validator.TestValidate(new AdjustStockCommand(Guid.CreateVersion7(), 1, "admin", reason)).ShouldHaveValidationErrorFor(c => c.Reason);

    [Fact]
    public void Validate_WhenTheReasonIsLongerThan200_FailsOnReason() =>
        _validator.TestValidate(new AdjustStockCommand(Guid.CreateVersion7(), 1, "admin", new string('r', 201))).ShouldHaveValidationErrorFor(c => c.Reason);

    [Theory]
    [InlineData("")]
    [InlineData("tab\there")]
    [InlineData("é")]
    public void Validate_WhenTheIdempotencyKeyIsNotPrintableAscii_FailsOnIt(string key) =>
        _validator.TestValidate(new AdjustStockCommand(Guid.CreateVersion7(), 1, "admin", IdempotencyKey: key))
            .ShouldHaveValidationErrorFor("Idempotency-Key");

    [Fact]
    public void Validate_WhenTheIdempotencyKeyIsLongerThan255_FailsOnIt() =>
        _validator.TestValidate(new AdjustStockCommand(Guid.CreateVersion7(), 1, "admin", IdempotencyKey: new string('k', 256)))
            .ShouldHaveValidationErrorFor("Idempotency-Key");

    [Theory]
    [InlineData(-1)]
    [InlineData(Product.MaxStock + 1)]
    public void Validate_WhenTheExpectedTotalIsOutOfRange_FailsOnIt(int expected) =>
        _validator.TestValidate(new AdjustStockCommand(Guid.CreateVersion7(), 1, "admin", ExpectedTotalStock: expected))
            .ShouldHaveValidationErrorFor(c => c.ExpectedTotalStock);

    [Fact]
    public void Validate_WithAKeyAndAnExpectedTotal_Passes() =>
        _validator.TestValidate(new AdjustStockCommand(Guid.CreateVersion7(), -1, "admin", "recount", "retry-1", 0))
            .ShouldNotHaveAnyValidationErrors();
}
