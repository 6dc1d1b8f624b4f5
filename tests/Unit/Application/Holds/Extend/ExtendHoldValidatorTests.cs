using FluentValidation.TestHelper;
using Reservations.Application.Holds.Extend;
using Reservations.Domain.Customers;
using Reservations.Domain.Products;

namespace Reservations.UnitTests.Application.Holds.Extend;

public class ExtendHoldValidatorTests
{
    private static readonly ExtendHoldCommand Valid = new("alice", Guid.CreateVersion7(), 120, null);

    private readonly ExtendHoldValidator _validator = new();

    [Theory]
    [InlineData(HoldDuration.MinSeconds)]
    [InlineData(HoldDuration.MaxSeconds)]
    public void Validate_WhenSecondsFromOneToADay_Passes(int seconds) =>
        _validator.TestValidate(Valid with { Seconds = seconds }).ShouldNotHaveAnyValidationErrors();

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(HoldDuration.MaxSeconds + 1)]
    public void Validate_WhenSecondsZeroNegativeOrOverADay_FailsOnSecondsOnly(int seconds) =>
        ShouldFailOnlyOn(Valid with { Seconds = seconds }, nameof(ExtendHoldCommand.Seconds));

    [Theory]
    [InlineData("")]
    [InlineData("clé")]
    [InlineData("key\n")]
    public void Validate_WhenKeyEmptyOrNotPrintableAscii_FailsOnIdempotencyKeyOnly(string key) =>
        ShouldFailOnlyOn(Valid with { IdempotencyKey = key }, "Idempotency-Key");

    [Fact]
    public void Validate_WhenKeyIs255PrintableAscii_Passes() =>
        _validator.TestValidate(Valid with { IdempotencyKey = new string('k', 255) }).ShouldNotHaveAnyValidationErrors();

    [Fact]
    public void Validate_WhenCustomerIdTooLong_FailsOnCustomerIdOnly() =>
        ShouldFailOnlyOn(Valid with { CustomerId = new string('c', CustomerId.MaxLength + 1) }, nameof(ExtendHoldCommand.CustomerId));

    private void ShouldFailOnlyOn(ExtendHoldCommand command, string property)
    {
        var result = _validator.TestValidate(command);

        result.ShouldHaveValidationErrorFor(property);
        result.Errors.Should().ContainSingle().Which.PropertyName.Should().Be(property);
    }
}
